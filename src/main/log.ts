/** Where storage and service report what happened; the shell decides where it goes. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const consoleLogger: Logger = {
  info: (m) => console.log(`[jeugdplanner] ${m}`),
  warn: (m) => console.warn(`[jeugdplanner] ${m}`),
  error: (m) => console.error(`[jeugdplanner] ${m}`),
};

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
