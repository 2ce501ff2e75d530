// An exception escaping a filter is swallowed and the filter counts as false; the next clause runs.
using System;
static class Program {
  static bool Boom() { throw new InvalidOperationException("filter blew up"); }
  static int Main() {
    try { try { throw new FormatException("f"); } catch (FormatException) when (Boom()) { Console.WriteLine("not reached"); } catch (FormatException e) { Console.WriteLine("second handler " + e.Message); } }
    catch (Exception e) { Console.WriteLine("escaped: " + e.Message); }
    int[] a = new int[1];
    try { throw new Exception("x"); } catch (Exception) when (a[5] == 0) { Console.WriteLine("no"); } catch (Exception e) { Console.WriteLine("index in filter is false: " + e.Message); }
    return 0;
  }
}
