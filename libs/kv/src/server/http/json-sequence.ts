/**
 * Splits a byte stream holding JSON values one after another (how a
 * streaming grpc-gateway request body carries several requests) into the
 * text of each top-level value. Pure: fed chunk by chunk.
 */
export class JsonSequenceSplitter {
  private text = '';
  private depth = 0;
  private inString = false;
  private escaped = false;
  private start = -1;
  private scanned = 0;

  constructor(private readonly maxValueChars: number) {}

  /** Adds text; returns the values completed by it. Throws when one value grows past the bound. */
  push(chunk: string): string[] {
    this.text += chunk;
    const values: string[] = [];
    for (let i = this.scanned; i < this.text.length; i++) {
      const c = this.text[i]!;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === '\\') this.escaped = true;
        else if (c === '"') this.inString = false;
        continue;
      }
      if (c === '"') this.inString = true;
      else if (c === '{' || c === '[') {
        if (this.depth === 0) this.start = i;
        this.depth++;
      } else if (c === '}' || c === ']') {
        this.depth--;
        if (this.depth === 0) {
          values.push(this.text.slice(this.start, i + 1));
          this.text = this.text.slice(i + 1);
          i = -1;
          this.start = -1;
        }
      } else if (this.depth === 0 && !/\s/.test(c)) {
        values.push(this.text.slice(i)); // not an object: hand it on whole, the parser names the fault
        this.text = '';
        break;
      }
    }
    this.scanned = this.text.length;
    if (this.text.length > this.maxValueChars) throw new RangeError('request too large');
    return values;
  }

  /** What is left once the body ended (an unfinished value), or ''. */
  rest(): string {
    return this.text.trim();
  }
}
