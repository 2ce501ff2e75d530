using System.Runtime.CompilerServices;

// Stack buffers (stackalloc for formatting, UTF-8 encoding, bignums) are always written before they
// are read; C# would otherwise clear each of them on every call.
[module: SkipLocalsInit]
