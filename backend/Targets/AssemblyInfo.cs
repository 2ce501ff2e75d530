using System.Runtime.CompilerServices;

// The tests check QemuRunner.Interpret (status and control channel decoding) without booting QEMU.
[assembly: InternalsVisibleTo("Testbed.Tests")]
