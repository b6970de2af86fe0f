// The few host globals src/shared may use: present alike in Node, browsers and Web Workers.
// Declared here (not via the DOM or Node type packages) so that anything else host-specific
// fails to compile under tsconfig.shared.json.
declare function structuredClone<T>(value: T): T;
declare function setTimeout(handler: () => void, timeout?: number): unknown;
interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  throwIfAborted(): void;
}
