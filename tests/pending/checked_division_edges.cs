// Division and checked edge cases with run-time operands: MinValue / -1 and MinValue % -1 (OverflowException),
// unsigned division by zero, checked ++/-- on byte and short, and a checked ulong->long conversion
// of a wrapped-around difference; each caught and printed.
using System;
static class Program {
  static int Id(int x) => x;
  static long IdL(long x) => x;
  static int Main() {
    try { Console.WriteLine(int.MinValue / Id(-1)); } catch (OverflowException e) { Console.WriteLine("ovf1 " + e.Message); } catch (Exception e) { Console.WriteLine("other1 " + e.Message); }
    try { Console.WriteLine(long.MinValue / IdL(-1)); } catch (OverflowException e) { Console.WriteLine("ovf2 " + e.Message); }
    try { Console.WriteLine(int.MinValue % Id(-1)); } catch (OverflowException e) { Console.WriteLine("ovf3 " + e.Message); }
    try { uint u = (uint)Id(7); Console.WriteLine(u / (uint)Id(0)); } catch (DivideByZeroException e) { Console.WriteLine("div " + e.Message); }
    try { checked { byte b = (byte)Id(255); b++; Console.WriteLine(b); } } catch (OverflowException e) { Console.WriteLine("ovf4 " + e.Message); }
    try { checked { short s = (short)Id(-32768); s--; Console.WriteLine(s); } } catch (OverflowException e) { Console.WriteLine("ovf5 " + e.Message); }
    try { checked { ulong x = (ulong)IdL(5); long y = (long)(x - 6); Console.WriteLine(y); } } catch (OverflowException e) { Console.WriteLine("ovf6 " + e.Message); }
    int code = 0; for (int k = 1; k <= 5; k++) { try { code += checked((sbyte)Id(k * 40)); } catch (OverflowException) { code += 1000; } }
    Console.WriteLine("code " + code);
    return code & 0xFF;
  }
}
