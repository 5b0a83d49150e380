import type { Lang } from "../../text/language.js";
import { echoText } from "./mrkdwn.js";

/** A file name as someone gave it, shown as inline code: masked, and unable to format the note. */
const fileName = (name: string) => `\`${echoText(name, 100)}\``;

/** Phrases only the Slack renderers use, in both languages; shared ones are in ../strings.ts. */
export const SLACK_STRINGS = {
  en: {
    share: "Share in channel",
    sharedBy: (user: string) => `Shared by <@${user}>`,
    tryExamples:
      "Try a code (`/agora 110`), a name (`/agora ERR_NO_AUTHORIZED`) or a few words (`/agora token expired`).",
    overflow: (count: number) =>
      `+${count} more not shown. Run \`agora-bot scan\` on the log for everything.`,
    scanNonePaste:
      "Paste the console output around the failing join (Web: the browser console; Android: logcat lines with onError; iOS: the Xcode console), or attach the log as a snippet.",
    moreFindings: (count: number, titles: string) => `+${count} more: ${titles}`,
    likelyBecause: (words: string) => `Likely, not certain: the text says “${words}”.`,
    fileTooBig: (name: string, max: number) =>
      `${fileName(name)} is larger than ${Math.round(max / 1024)} KB: I read only its first ${Math.round(max / 1024)} KB.`,
    fileSkipped: (name: string) => `${fileName(name)} is not a text file, so I skipped it.`,
    fileFailed: (name: string) => `I could not download ${fileName(name)}.`,
    fileWebPage: (name: string) =>
      `I could not read ${fileName(name)}: Slack sent a web page (its sign-in page) instead of the file. The app needs the files:read scope (reinstall it after adding the scope), and the file must be shared in a conversation I am in. Or paste the log as text.`,
    parentNote: "Diagnosing the message this thread started with.",
    helpTitle: "Agora error helper",
    helpIntro:
      "I explain Agora RTC error codes, warnings and connection reasons on every platform (native SDKs and Web): the name on each platform, what it means and the first thing to check. Token and App ID errors come with their causes and every fix step.",
    helpUsage: [
      "`/agora 110`: look up a code (also `-110`, `#109`, `error 118`)",
      "`/agora ERR_NO_AUTHORIZED`: any SDK's name, in any spelling",
      "`/agora token expired` or `/agora Token 过期了`: plain words, English or Chinese",
      "`/agora list`: the errors I know, by category (`/agora list web-errors-network` for one category)",
      "`/agora zh 110` or `/agora 110 en`: force the answer's language",
      "Mention me with a pasted log (or a snippet file) and I reply in the thread with every token error in it",
      "Message shortcut *Diagnose Agora errors* on anyone's message: the diagnosis goes into its thread",
    ],
    notInChannel:
      "I can't post in this channel. Invite me with `/invite @agora-bot` and try again; here is the answer just for you.",
    postFailed: "Slack did not accept my reply; here it is just for you.",
    restarting: "agora-bot is restarting. Try again in a moment.",
  },
  zh: {
    share: "分享到频道",
    sharedBy: (user: string) => `由 <@${user}> 分享`,
    tryExamples:
      "可以输入错误码（`/agora 110`）、错误名（`/agora ERR_NO_AUTHORIZED`）或描述（`/agora Token 过期了`）。",
    overflow: (count: number) => `还有 ${count} 项未显示。可对日志运行 \`agora-bot scan\` 查看全部。`,
    scanNonePaste:
      "请粘贴加入频道失败前后的日志（Web：浏览器控制台；Android：含 onError 的 logcat；iOS：Xcode 控制台），或以代码片段文件上传。",
    likelyBecause: (words: string) => `可能，并不确定：依据是文中的「${words}」。`,
    moreFindings: (count: number, titles: string) => `另有 ${count} 项：${titles}`,
    fileTooBig: (name: string, max: number) =>
      `${fileName(name)} 超过 ${Math.round(max / 1024)} KB，只读取了前 ${Math.round(max / 1024)} KB。`,
    fileSkipped: (name: string) => `${fileName(name)} 不是文本文件，已跳过。`,
    fileFailed: (name: string) => `无法下载 ${fileName(name)}。`,
    fileWebPage: (name: string) =>
      `无法读取 ${fileName(name)}：Slack 返回的是一个网页（登录页），而不是文件内容。应用需要 files:read 权限（添加后请重新安装应用），并且文件必须分享在我所在的会话中。也可以直接把日志以文本粘贴。`,
    parentNote: "正在诊断该话题的第一条消息。",
    helpTitle: "Agora 错误助手",
    helpIntro:
      "我可以解释 Agora RTC 在各平台（原生 SDK 与 Web）上的错误码、警告和连接状态原因：各平台名称、含义以及首先要检查的事项。Token 与 App ID 错误还会给出原因和完整的解决步骤。",
    helpUsage: [
      "`/agora 110`：查询错误码（也支持 `-110`、`#109`、`error 118`）",
      "`/agora ERR_NO_AUTHORIZED`：任意 SDK 的错误名，任意写法",
      "`/agora token expired` 或 `/agora Token 过期了`：用中英文描述问题",
      "`/agora list`：按类别列出我能识别的错误（`/agora list web-errors-network` 查看单个类别）",
      "`/agora zh 110` 或 `/agora 110 en`：指定回答语言",
      "@我 并粘贴日志（或上传代码片段文件），我会在话题中回复其中所有 Token 错误",
      "在任意消息上使用快捷方式 *Diagnose Agora errors*，诊断结果会回复在该消息的话题中",
    ],
    notInChannel: "我无法在此频道发消息。请用 `/invite @agora-bot` 邀请我后重试；以下回答仅你可见。",
    postFailed: "Slack 未接受我的回复；以下回答仅你可见。",
    restarting: "agora-bot 正在重启，请稍后再试。",
  },
} as const satisfies Record<Lang, object>;
