import { describe, expect, it } from "vitest";
import { blockHtml, mrkdwnToHtml, pageHtml } from "../../scripts/pictures/slackHtml.js";
import { answerQuery } from "../../src/answer/answer.js";
import { loadKnowledgeIndex } from "../../src/index/loadIndex.js";
import { renderAnswerBlocks } from "../../src/render/blocks/answerBlocks.js";

describe("the Slack-styled page behind the README pictures", () => {
  it("shows the bot's answer blocks: header, mrkdwn, code, links and the button", () => {
    const index = loadKnowledgeIndex();
    const message = renderAnswerBlocks(answerQuery(index, "110", { defaultLang: "en" }), { shareable: true });
    const html = pageHtml({
      title: "# web-team",
      messages: [
        { author: "agora-bot", bot: true, time: "10:12 AM", blocks: message.blocks, ephemeral: true },
      ],
    });
    expect(html).toContain('<div class="header">110 ERR_INVALID_TOKEN: Invalid token</div>');
    expect(html).toContain("<b>How to fix it</b>");
    expect(html).toContain("<code>ERR_NO_AUTHORIZED</code>");
    expect(html).toMatch(/<a href="https:\/\/docs\.agora\.io\/[^"]+">Agora documentation<\/a>/);
    expect(html).toContain('<span class="button">Share in channel</span>');
    expect(html).toContain("Only visible to you");
  });

  it("never lets text become markup", () => {
    expect(
      blockHtml({ type: "header", text: { type: "plain_text", text: '<img src=x onerror="alert(1)">' } }),
    ).toBe('<div class="header">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</div>');
    // mrkdwn arrives escaped by our renderers; quotes cannot break out of an attribute either.
    expect(mrkdwnToHtml('&lt;script&gt; <https://x.example/"onmouseover="a|link>')).not.toMatch(
      /<script|"onmouseover/,
    );
    expect(mrkdwnToHtml("```a *b* `c` ```")).toBe("<pre>a *b* `c` </pre>");
  });
});
