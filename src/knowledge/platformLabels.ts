import type { NamePlatform } from "./schema.js";

export const NAME_PLATFORM_LABELS: Record<NamePlatform, string> = {
  "java-cpp-csharp": "Java / C++ / C#",
  "objective-c": "Objective-C",
  javascript: "JavaScript (Web)",
  swift: "Swift",
  "web-3x": "Web SDK 3.x",
  "web-4x": "Web SDK 4.x",
  "react-native-electron-4x": "React Native / Electron 4.x",
  "react-native-3x": "React Native 3.x",
  flutter: "Flutter",
  unity: "Unity (C#)",
  "legacy-native": "Native 1.x/2.x (legacy)",
};

/** The seed table's column order, so answers list names the way Agora's docs do. */
export const NAME_PLATFORM_ORDER: readonly NamePlatform[] = Object.keys(
  NAME_PLATFORM_LABELS,
) as NamePlatform[];
