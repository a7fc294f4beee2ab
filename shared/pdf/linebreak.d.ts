// Types for `linebreak` (UAX #14), which ships none.
declare module 'linebreak' {
  export interface Break {
    /** Index in the string where the line may (or must) break. */
    position: number;
    /** A mandatory break (newline). */
    required: boolean;
  }
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
}
