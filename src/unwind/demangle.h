/* C++ symbol names as people read them (strace -k prints them so when built with libiberty,
 * as Debian's strace 6.1 is: "ns::K::f(int)" for "_ZN2ns1K1fEi"). */
#pragma once

/* The demangled form of sym (malloc'd, the caller frees it), or NULL when sym is not a
 * mangled name or scry was built without libiberty. */
char *symbol_demangle(const char *sym);
