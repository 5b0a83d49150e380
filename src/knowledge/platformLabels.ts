import type { NamePlatform, PlatformFamily } from "./schema.js";

/**
 * What a name's platform is called in answers. The seed's spellings and the reference table's
 * share a label where they are the same SDK (`objective-c` and `ios-objc`), so an answer lists
 * each SDK once.
 */
export const NAME_PLATFORM_LABELS: Record<NamePlatform, string> = {
  "java-cpp-csharp": "Java / C++ / C#",
  native: "Java / C++ / C#",
  "objective-c": "Objective-C",
  "ios-objc": "Objective-C",
  javascript: "JavaScript (Web)",
  swift: "Swift",
  "web-3x": "Web SDK 3.x",
  "web-4x": "Web SDK 4.x",
  "web-internal": "Web SDK (internal)",
  "react-native-electron-4x": "React Native / Electron 4.x",
  "rn-electron-4x": "React Native / Electron 4.x",
  "react-native-3x": "React Native 3.x",
  "rn-3x": "React Native 3.x",
  flutter: "Flutter",
  "flutter-6x": "Flutter",
  android: "Android",
  unity: "Unity (C#)",
  "unity-csharp": "Unity (C#)",
  "legacy-native": "Native 1.x/2.x (legacy)",
};

/** The seed table's column order, so answers list names the way Agora's docs do. */
export const NAME_PLATFORM_ORDER: readonly NamePlatform[] = Object.keys(
  NAME_PLATFORM_LABELS,
) as NamePlatform[];

/** Names grouped under their platform label, labels in {@link NAME_PLATFORM_ORDER}. */
export function namesByPlatformLabel<T extends { platform: NamePlatform }>(
  names: readonly T[],
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const platform of NAME_PLATFORM_ORDER) {
    const matching = names.filter((name) => name.platform === platform);
    if (matching.length === 0) continue;
    const label = NAME_PLATFORM_LABELS[platform];
    groups.set(label, [...(groups.get(label) ?? []), ...matching]);
  }
  return groups;
}

const WEB_NAME_PLATFORMS: ReadonlySet<NamePlatform> = new Set([
  "javascript",
  "web-3x",
  "web-4x",
  "web-internal",
]);

/** Native or Web: the family a name's platform belongs to. */
export function familyOfPlatform(platform: NamePlatform): PlatformFamily {
  return WEB_NAME_PLATFORMS.has(platform) ? "web" : "native";
}
