import { seededRandom } from "../random.js";

/**
 * Secret shapes for the redaction tests, written for them: every kind of secret a developer pastes
 * with a log, in every encoding and position that has leaked before. Each shape is a text to paste
 * and the secret as it appears in that text; no window of 7 characters of `secret` may be shown.
 */
export interface SecretShape {
  readonly name: string;
  readonly text: string;
  readonly secret: string;
}

const random = seededRandom(11);
const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const HEX = "0123456789abcdef";
const pick = (alphabet: string, length: number) =>
  Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");

const appId = () => pick(HEX, 32);
const token006 = () => `006${appId()}IAB${pick(BASE64, 100)}`;
const token007 = () => `007eJxTYGBg${pick(BASE64, 150)}==`;
const token007url = () => `007eJx${pick(BASE64URL, 140)}`;
const bareToken = () => `eJxTYGBgYPj${pick(BASE64, 120)}`;

const TOKENS: readonly [string, string][] = [
  ["AccessToken (006)", token006()],
  ["AccessToken2 (007)", token007()],
  ["AccessToken2, base64url", token007url()],
  ["a token without its version prefix", bareToken()],
  ["a short AccessToken2", `007eJx${pick(BASE64, 30)}`],
];

const encodeUrl = (text: string) => encodeURIComponent(text);
const escapeJsonSlashes = (text: string) => text.replace(/\//g, "\\/");

/** Every way a token has been pasted, each a text and what of it must not show. */
function tokenContexts(label: string, token: string): SecretShape[] {
  const long = `${token}${pick(BASE64, 600)}`;
  const cut = Math.min(60, Math.floor(token.length / 2));
  const withSlashes = token.includes("/") ? token : `${token.slice(0, 40)}/${token.slice(40)}`;
  const shapes: [string, string, string][] = [
    ["plain", `E/agora: onError: 110 token: ${token}`, token],
    ["in JSON", `{"code":110,"token":"${token}"}`, token],
    [
      "in JSON with escaped slashes",
      `{"code":110,"token":"${escapeJsonSlashes(withSlashes)}"}`,
      escapeJsonSlashes(withSlashes),
    ],
    ["URL-encoded in a query string", `GET /join?channel=a&token=${encodeUrl(token)} 401`, encodeUrl(token)],
    ["glued to a camelCase word", `onError 110 accessToken${token}`, token],
    ["glued to a snake_case word", `onError 110 rtc_token_${token}`, token],
    ["in quotes", `joinChannel('${token}', 'room', 0) failed: 110`, token],
    ["longer than the evidence window", `onError: 110 token=${long} end`, long],
    ["after a zero-width space", `onError: 110 ${token.slice(0, 3)}\u200b${token.slice(3)}`, token.slice(3)],
    [
      "split across two lines",
      `onError: 110 token: ${token.slice(0, cut)}\n${token.slice(cut)}`,
      token.slice(cut),
    ],
    ["in an environment line", `AGORA_TOKEN=${token}`, token],
    ["in XML", `<token>${token}</token>`, token],
    ["as a command-line flag", `node join.js --token ${token} --channel a`, token],
    [
      "in a Swift call",
      `agoraKit.joinChannel(byToken: "${token}", channelId: "a", info: nil, uid: 0)`,
      token,
    ],
  ];
  return shapes.map(([context, text, secret]) => ({ name: `${label}, ${context}`, text, secret }));
}

function appIdShapes(): SecretShape[] {
  const id = appId();
  const certificate = appId();
  const upper = appId().toUpperCase();
  const mixed = appId().replace(/[a-f]/g, (c) => (random() < 0.5 ? c.toUpperCase() : c));
  return [
    { name: "App ID", text: `initialize appId=${id} onError: 101`, secret: id },
    { name: "App ID in capitals", text: `APP_ID ${upper} ERR_INVALID_APP_ID`, secret: upper },
    { name: "App ID in mixed case", text: `App ID: ${mixed} 101`, secret: mixed },
    { name: "App ID after 0x", text: `appid 0x${id} onError: 101`, secret: id },
    { name: "App ID between underscores", text: `channel_${id}_main error 101`, secret: id },
    {
      name: "App ID run together with a certificate",
      text: `key ${id}${certificate} 110`,
      secret: certificate,
    },
    { name: "App ID 33 hex long", text: `appid ${id}f error 101`, secret: `${id}f` },
    { name: "App ID in JSON", text: `{"appId":"${id}","code":101}`, secret: id },
    { name: "App ID URL-encoded", text: `/token?appid=${id}&uid=0`, secret: id },
    { name: "App Certificate named", text: `app_certificate=${certificate}`, secret: certificate },
    { name: "App Certificate in JSON", text: `{"appCertificate": "${certificate}"}`, secret: certificate },
    {
      name: "App ID with a zero-width space inside",
      text: `appid ${id.slice(0, 10)}\u200b${id.slice(10)}`,
      secret: id.slice(10),
    },
  ];
}

function slackShapes(): SecretShape[] {
  const tail = () =>
    `${Math.floor(random() * 1e12)}-${Math.floor(random() * 1e12)}-${pick(BASE64URL.slice(0, 62), 24)}`;
  const tokens = [
    ["bot token", `xoxb-${tail()}`],
    ["user token", `xoxp-${tail()}`],
    ["legacy workspace token", `xoxa-2-${tail()}`],
    ["refresh token (xoxe)", `xoxe-1-${pick(BASE64URL.slice(0, 62), 140)}`],
    ["rotating user token (xoxe.xoxp)", `xoxe.xoxp-1-${pick(BASE64URL.slice(0, 62), 120)}`],
    [
      "app-level token",
      `xapp-1-A0${Math.floor(random() * 1e9)}-${Math.floor(random() * 1e12)}-${pick(HEX, 64)}`,
    ],
    ["client token", `xoxc-${tail()}`],
    ["session token", `xoxs-${tail()}`],
  ] as const;
  const shapes: SecretShape[] = [];
  for (const [kind, token] of tokens) {
    const secret = token.slice(token.indexOf("-") + 1);
    shapes.push({ name: `Slack ${kind}`, text: `SLACK_BOT_TOKEN=${token}`, secret });
    shapes.push({ name: `Slack ${kind} in JSON`, text: `{"token":"${token}","ok":false}`, secret });
    shapes.push({ name: `Slack ${kind} in a sentence`, text: `my token is ${token} and it fails`, secret });
  }
  const hook = `T0${pick(HEX, 8).toUpperCase()}/B0${pick(HEX, 8).toUpperCase()}/${pick(BASE64URL.slice(0, 62), 24)}`;
  shapes.push({
    name: "Slack webhook URL",
    text: `posting to https://hooks.slack.com/services/${hook}`,
    secret: hook,
  });
  return shapes;
}

function authorizationShapes(): SecretShape[] {
  const opaque = pick(BASE64URL.slice(0, 62), 40);
  const agora = token007();
  const basic = Buffer.from(`admin:${pick(BASE64URL.slice(0, 62), 12)}`).toString("base64");
  const header = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString("base64url");
  const payload = Buffer.from(`{"sub":"${Math.floor(random() * 1e9)}","exp":1700000000}`).toString(
    "base64url",
  );
  const jwt = `${header}.${payload}.${pick(BASE64URL, 43)}`;
  return [
    { name: "Bearer token", text: `Authorization: Bearer ${opaque}`, secret: opaque },
    { name: "BEARER in capitals", text: `AUTHORIZATION: BEARER ${opaque}`, secret: opaque },
    { name: "bearer in lower case", text: `authorization: bearer ${opaque}`, secret: opaque },
    { name: "Bearer URL-encoded", text: `?auth=Bearer%20${opaque}`, secret: opaque },
    { name: "Bearer with an Agora token", text: `Authorization: Bearer ${agora}`, secret: agora.slice(6) },
    { name: "Basic auth", text: `Authorization: Basic ${basic}`, secret: basic },
    { name: "BASIC in capitals", text: `AUTHORIZATION: BASIC ${basic}`, secret: basic },
    { name: "JWT", text: `session ${jwt} rejected`, secret: jwt.slice(20) },
    { name: "JWT in JSON", text: `{"jwt":"${jwt}"}`, secret: jwt.slice(20) },
    { name: "JWT after Bearer", text: `Authorization: Bearer ${jwt}`, secret: jwt.slice(20) },
    { name: "JWT in a cookie", text: `Cookie: session=${jwt}; path=/`, secret: jwt.slice(20) },
  ];
}

function keyShapes(): SecretShape[] {
  const awsId = `AKIA${pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)}`;
  const awsSecret = pick(BASE64, 40);
  const github = `ghp_${pick(BASE64URL.slice(0, 62), 36)}`;
  const stripe = `sk_live_${pick(BASE64URL.slice(0, 62), 24)}`;
  const google = `AIza${pick(BASE64URL, 35)}`;
  const apiKey = pick(BASE64URL.slice(0, 62), 32);
  const clientSecret = pick(BASE64URL.slice(0, 62), 28);
  return [
    { name: "AWS access key ID", text: `aws_access_key_id = ${awsId}`, secret: awsId.slice(4) },
    { name: "AWS access key ID in JSON", text: `{"AccessKeyId":"${awsId}"}`, secret: awsId.slice(4) },
    { name: "AWS secret access key", text: `aws_secret_access_key = ${awsSecret}`, secret: awsSecret },
    {
      name: "AWS secret in an environment line",
      text: `AWS_SECRET_ACCESS_KEY=${awsSecret}`,
      secret: awsSecret,
    },
    {
      name: "GitHub token",
      text: `git push https://x:${github}@github.com/org/repo`,
      secret: github.slice(4),
    },
    { name: "GitHub token alone", text: `GITHUB=${github}`, secret: github.slice(4) },
    { name: "Stripe key", text: `stripe ${stripe}`, secret: stripe.slice(8) },
    { name: "Google API key", text: `maps key ${google} loaded`, secret: google.slice(4) },
    { name: "an API key named", text: `api_key: ${apiKey}`, secret: apiKey },
    { name: "a client secret named", text: `client_secret="${clientSecret}"`, secret: clientSecret },
  ];
}

function passwordShapes(): SecretShape[] {
  const password = () => `${pick(BASE64URL.slice(0, 62), 6)}!${Math.floor(random() * 1000)}`;
  const shapes: [string, (secret: string) => string][] = [
    ["password=", (p) => `login password=${p} failed`],
    ["PASSWORD:", (p) => `PASSWORD: ${p}`],
    ["passwd in a config line", (p) => `passwd=${p}`],
    ["pwd in a query string", (p) => `/login?user=bob&pwd=${p}&x=1`],
    ["password in JSON", (p) => `{"user":"bob","password":"${p}"}`],
    ["password in escaped JSON", (p) => `"{\\"password\\":\\"${p}\\"}"`],
    ["password with spaces, quoted", (p) => `password: "${p} and more"`],
    ["password in single quotes", (p) => `password='${p}'`],
    ["passphrase", (p) => `passphrase = ${p}`],
    ["secret=", (p) => `secret=${p}`],
    ["a URL with user and password", (p) => `connecting to https://admin:${p}@db.example.com:5432/app`],
    ["a URL with user and password, ftp", (p) => `ftp://deploy:${p}@files.example.org/`],
    ["a Redis URL", (p) => `redis://default:${p}@cache.internal:6379`],
    ["a database password variable", (p) => `DB_PASSWORD=${p}`],
  ];
  return shapes.map(([name, make]) => {
    const secret = password();
    return { name: `password: ${name}`, text: make(secret), secret };
  });
}

function emailShapes(): SecretShape[] {
  const shapes: [string, string, string][] = [
    ["e-mail", "contact bob.smith@example.com now", "bob.smith"],
    ["e-mail with a plus tag", "user alice+agora@example.io signed in", "alice+agora"],
    ["e-mail in capitals", "USER BOB.SMITH@EXAMPLE.COM", "BOB.SMITH"],
    ["e-mail with a quoted local part", 'from "john smith"@example.com', "john smith"],
    ["e-mail with a non-ASCII local part", "user jörg.müller@beispiel.de", "jörg.müller"],
    ["e-mail in Chinese", "邮箱 张伟123@例子.中国 登录", "张伟123@例子"],
    ["e-mail in JSON", '{"email":"carol.jones@example.org"}', "carol.jones"],
    ["e-mail URL-encoded", "?email=dave.brown%40example.com", "dave.brown"],
    ["e-mail in angle brackets", "From: Erin <erin.white@example.net>", "erin.white"],
    [
      "e-mail as a user account",
      "joinChannelWithUserAccount(token, room, frank.green@example.com)",
      "frank.green",
    ],
  ];
  return shapes.map(([name, text, secret]) => ({ name, text, secret }));
}

function phoneShapes(): SecretShape[] {
  const shapes: [string, string, string][] = [
    ["US phone number, international", "call +1 (415) 555-0134 for access", "555-0134"],
    ["US phone number, dashes", "phone 415-555-0178", "555-0178"],
    ["US phone number, brackets", "phone (415) 555-0199", "555-0199"],
    ["Chinese mobile number", "手机 13800138000 验证", "38001380"],
    ["Chinese mobile number, international", "tel +86 138 0013 8000", "0013 8000"],
    ["UK phone number", "ring +44 20 7946 0958", "7946 0958"],
    ["German phone number", "Telefon +49 30 1234 5678", "1234 5678"],
    ["phone number with dots", "mobile +33.6.12.34.56.78", "12.34.56"],
  ];
  return shapes.map(([name, text, secret]) => ({ name, text, secret }));
}

export const SECRET_SHAPES: readonly SecretShape[] = [
  ...TOKENS.flatMap(([label, token]) => tokenContexts(label, token)),
  ...appIdShapes(),
  ...slackShapes(),
  ...authorizationShapes(),
  ...keyShapes(),
  ...passwordShapes(),
  ...emailShapes(),
  ...phoneShapes(),
];

/** The first window of 7 characters of the secret that the output shows, if any. */
export function leakedPart(output: string, secret: string): string | undefined {
  const width = Math.min(7, secret.length);
  for (let at = 0; at + width <= secret.length; at++) {
    const window = secret.slice(at, at + width);
    // Words every log has ("token", "Bearer") are not the secret.
    if (/^[A-Za-z]+$/.test(window) && /token|bearer/i.test(window)) continue;
    if (output.includes(window)) return window;
  }
  return undefined;
}
