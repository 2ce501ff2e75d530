namespace Testbed.Backend.Targets;

/// <summary>A failure outside the compiler proper: a missing tool, a link error, an emulator that would
/// not start. The message is written for the user and is complete on its own (print it, not the stack).</summary>
public class TargetToolException(string message) : Exception(message);

/// <summary>A required program is not installed; the message names the Debian package that provides it.</summary>
public sealed class ToolNotFoundException(string message) : TargetToolException(message);

/// <summary>The linker rejected the object (undefined symbols, layout errors); the message is its output.</summary>
public sealed class LinkException(string message) : TargetToolException(message);
