// Type declarations for the parts of myanmar-tools (Google's Zawgyi detector and
// converter, CommonJS, shipped without types) that the Burmese handling uses.
declare module "myanmar-tools" {
  export class ZawgyiDetector {
    /** Probability in [0,1] that the Myanmar-script runs of the string are Zawgyi; -Infinity when there are none. */
    getZawgyiProbability(input: string, verbose?: boolean): number;
  }
  export class ZawgyiConverter {
    zawgyiToUnicode(input: string): string;
    unicodeToZawgyi(input: string): string;
  }
}
