using System.Runtime.CompilerServices;

// Stack buffers here are always written before they are read; skip C#'s clearing of them.
[module: SkipLocalsInit]
