/** The Block Kit subset the bot sends: plain data, shaped exactly as Slack's JSON. */
export interface TextObject {
  type: "mrkdwn" | "plain_text";
  text: string;
  emoji?: boolean;
}

export interface ButtonElement {
  type: "button";
  text: TextObject & { type: "plain_text" };
  action_id: string;
  value?: string;
  url?: string;
  style?: "primary" | "danger";
}

export type Block =
  | { type: "header"; text: TextObject & { type: "plain_text" } }
  | { type: "section"; text: TextObject; accessory?: ButtonElement }
  | { type: "context"; elements: TextObject[] }
  | { type: "divider" }
  | { type: "actions"; elements: ButtonElement[]; block_id?: string };

export interface SlackMessage {
  /** Fallback for notifications and clients without blocks. */
  text: string;
  blocks: Block[];
  /** The language the message is written in, for anything said around it (a failure note). */
  lang?: "en" | "zh";
}

export interface HomeView {
  type: "home";
  blocks: Block[];
}

export const mrkdwn = (text: string): TextObject => ({ type: "mrkdwn", text });
export const plain = (text: string): TextObject & { type: "plain_text" } => ({
  type: "plain_text",
  text,
  emoji: true,
});
