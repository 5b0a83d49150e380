import type { Block, ButtonElement, SlackMessage, TextObject } from "./types.js";

/** Slack's published Block Kit limits, and the budget this bot keeps under them. */
export const BLOCK_LIMITS = {
  blocks: 50,
  sectionText: 3000,
  headerText: 150,
  contextElements: 10,
  contextText: 2000,
  buttonText: 75,
  buttonValue: 2000,
  actionElements: 25,
  /** Slack rejects messages over 12,000 characters of block text (msg_blocks_too_long); stay well under. */
  messageText: 10_000,
  /** The fallback `text` must stay under 4,000 characters (msg_too_long). */
  fallbackText: 3000,
} as const;

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  // Never cut inside an escape (&amp;) or leave a lone surrogate.
  let cut = text.slice(0, max - 1);
  const amp = cut.lastIndexOf("&");
  if (amp > cut.length - 6 && !cut.slice(amp).includes(";")) cut = cut.slice(0, amp);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

function fitText<T extends TextObject>(text: T, max: number): T {
  return { ...text, text: truncate(text.text, max) };
}

function fitButton(button: ButtonElement): ButtonElement {
  return {
    ...button,
    text: fitText(button.text, BLOCK_LIMITS.buttonText),
    ...(button.value === undefined ? {} : { value: button.value.slice(0, BLOCK_LIMITS.buttonValue) }),
  };
}

function fitBlock(block: Block): Block {
  switch (block.type) {
    case "header":
      return { ...block, text: fitText(block.text, BLOCK_LIMITS.headerText) };
    case "section":
      return {
        ...block,
        text: fitText(block.text, BLOCK_LIMITS.sectionText),
        ...(block.accessory ? { accessory: fitButton(block.accessory) } : {}),
      };
    case "context":
      return {
        ...block,
        elements: block.elements
          .slice(0, BLOCK_LIMITS.contextElements)
          .map((element) => fitText(element, BLOCK_LIMITS.contextText)),
      };
    case "actions":
      return { ...block, elements: block.elements.slice(0, BLOCK_LIMITS.actionElements).map(fitButton) };
    case "divider":
      return block;
  }
}

function blockTextLength(block: Block): number {
  switch (block.type) {
    case "header":
    case "section":
      return (
        block.text.text.length +
        (block.type === "section" && block.accessory ? block.accessory.text.text.length : 0)
      );
    case "context":
      return block.elements.reduce((sum, element) => sum + element.text.length, 0);
    case "actions":
      return block.elements.reduce((sum, element) => sum + element.text.text.length, 0);
    case "divider":
      return 0;
  }
}

/** How many of the (already fitted) blocks fit in 50 blocks and the text budget, keeping one slot for a note. */
function fittingBlockCount(fitted: readonly Block[]): number {
  let budget = BLOCK_LIMITS.messageText - 200;
  for (const [position, block] of fitted.entries()) {
    const length = blockTextLength(block);
    if (position >= BLOCK_LIMITS.blocks - 1 || length > budget) return position;
    budget -= length;
  }
  return fitted.length;
}

/** True when `fitMessage` would have to drop blocks from the end of this message. */
export function overflows(message: SlackMessage): boolean {
  const fitted = message.blocks.map(fitBlock);
  return fittingBlockCount(fitted) < fitted.length;
}

/**
 * Makes any message valid for Slack: every field within its limit, at most 50 blocks, and the
 * whole text within budget. Blocks past the budget are dropped from the end and `overflowNote`
 * says so. Callers put the most important blocks first.
 */
export function fitMessage(message: SlackMessage, overflowNote: (dropped: number) => string): SlackMessage {
  const fitted = message.blocks.map(fitBlock);
  const keep = fittingBlockCount(fitted);
  const kept = fitted.slice(0, keep);
  if (keep < fitted.length) {
    kept.push({
      type: "context",
      elements: [{ type: "mrkdwn", text: truncate(overflowNote(fitted.length - keep), 200) }],
    });
  }
  return {
    text: truncate(message.text, BLOCK_LIMITS.fallbackText),
    blocks: kept,
    ...(message.lang ? { lang: message.lang } : {}),
  };
}
