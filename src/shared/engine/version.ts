/**
 * Version of the engine's semantics. Bump it whenever the same inputs could
 * give different numbers; stored versions record it (see storage).
 */
export const ENGINE_VERSION = '1.0.0';
