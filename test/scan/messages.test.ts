/**
 * Messages in words: what a browser or an SDK prints where a log shows no name or code. Lines
 * here are our own, written the ways consoles print these messages.
 */
import { describe, expect, it } from "vitest";
import { loadKnowledgeIndex } from "../../src/index/loadIndex.js";
import { findMessage, messageForm } from "../../src/index/messages.js";
import { matchQuery } from "../../src/match/matchQuery.js";
import { findingName } from "../../src/render/findingName.js";
import { scanLog } from "../../src/scan/scanLog.js";

const index = loadKnowledgeIndex();

const others = (text: string) => scanLog(index, text).otherErrors.map((finding) => finding.entry.id);

describe("findMessage", () => {
  it("finds a plain message anywhere, inside identifiers too", () => {
    expect(findMessage(messageForm("devicemalfunction"), "[adm] macdevicemalfunction: restart")).toEqual([
      9, 26,
    ]);
  });

  it("lets a gap hold a few words, on the same line only", () => {
    const form = messageForm("access … denied");
    expect(findMessage(form, "access denied")).toEqual([0, 13]);
    expect(findMessage(form, "error: access to the microphone was denied by the user")).toBeDefined();
    expect(findMessage(form, "access to the microphone\nwas denied")).toBeUndefined();
    expect(findMessage(form, `access ${"word ".repeat(20)}denied`)).toBeUndefined();
  });

  it("reads the parts of a gapped message as whole words", () => {
    const form = messageForm("access … denied");
    expect(findMessage(form, "accessibility settings denied")).toBeUndefined();
    expect(findMessage(form, "no access; request was undenied")).toBeUndefined();
    expect(findMessage(form, "readaccess denied")).toBeUndefined();
  });

  it("stays linear on a long line of near misses", () => {
    const form = messageForm("access … denied");
    const line = "access ".repeat(50_000);
    expect(findMessage(form, line)).toBeUndefined();
  });
});

describe("browser messages in a Web console", () => {
  it("reads a refused camera or screen as PERMISSION_DENIED", () => {
    expect(
      others(
        "Uncaught (in promise) DOMException: NotAllowedError: the request is not allowed by the user agent",
      ),
    ).toContain("web-permission-denied");
    expect(others("screen share failed: access to the display was denied")).toContain(
      "web-permission-denied",
    );
    expect(others("getUserMedia error: Permission denied by system")).toContain("web-permission-denied");
  });

  it("reads an unsupported browser as NOT_SUPPORTED", () => {
    expect(others("[video-sdk] fatal: WebRTC is not supported by this client")).toContain(
      "web-not-supported",
    );
    expect(others("Sorry, calls are not supported in this browser.")).toContain("web-not-supported");
  });

  it("reads a busy device and impossible constraints", () => {
    expect(others("createCameraVideoTrack: NotReadableError: Could not start video source")).toContain(
      "web-not-readable",
    );
    expect(others("OverconstrainedError: width constraint cannot be met")).toContain(
      "web-constraint-not-satisfied",
    );
  });

  it("is no Web finding in a native log", () => {
    const android = [
      "11-24 10:11:09.651  4321  4411 I AgoraRtcEngine: joinChannel uid 7",
      "11-24 10:11:09.652  4321  4411 E MediaStore: open failed: EACCES (Permission denied)",
    ].join("\n");
    expect(others(android)).not.toContain("web-permission-denied");
  });
});

describe("a device malfunction in a native log", () => {
  it("lists the playback and the recording malfunction warnings, whichever the log means", () => {
    const log = [
      "W/AgoraAudio(2211): [adm] MacDeviceMalfunction: output unit stopped",
      "I/AgoraAudio(2211): [adm] restarting the audio device",
    ].join("\n");
    const ids = others(log);
    expect(ids).toContain("warn-adm-playout-malfunction");
    expect(ids).toContain("warn-adm-record-malfunction");
  });

  it("finds it past the scanner's gates in a long log, on the SDK's own warning line", () => {
    const filler = Array.from({ length: 3000 }, (_, n) => `I/AgoraAudio(2211): frame ${n} ok`).join("\n");
    const ids = others(
      `${filler}\nWARN    (10:11:09:651 |    0)  2211; [adm] audio device malfunction detected\n${filler}`,
    );
    expect(ids).toContain("warn-adm-playout-malfunction");
  });
});

describe("lookup of a message in a question", () => {
  it("answers with the entry whose message the question quotes", () => {
    const ids = (query: string) => matchQuery(index, query).matches.map((match) => match.entry.id);
    expect(ids("chrome says access to the camera was denied, what now?")).toContain("web-permission-denied");
    expect(ids("NotReadableError when I create the camera track")).toContain("web-not-readable");
    expect(ids("what does AudioDeviceMalfunction mean")).toContain("warn-adm-record-malfunction");
  });
});

describe("a message's finding, beside another error's name on its line", () => {
  it("lists both, each under its own name", () => {
    const result = scanLog(
      index,
      "AgoraRTCError CAN_NOT_GET_GATEWAY_SERVER: flag: 4096, message: the project has no active status",
    );
    const found = result.otherErrors.map((finding) => [finding.entry.id, findingName(finding) ?? null]);
    expect(found).toEqual(
      expect.arrayContaining([
        ["web-can-not-get-gateway-server", "CAN_NOT_GET_GATEWAY_SERVER"],
        ["web-no-active-status", null],
      ]),
    );
  });
});
