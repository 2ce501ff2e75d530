// Catch clause selection: the first matching clause wins, specific before general, runtime exceptions
// caught as their base classes (ArithmeticException for DivideByZero/Overflow, SystemException),
// catch without a variable, and exceptions of custom generic classes.
using System;

class Tagged<T> : Exception { public T Tag; public Tagged(T tag) : base("tagged " + tag) { Tag = tag; } }

static class Program
{
    static string Classify(int k)
    {
        try
        {
            switch (k)
            {
                case 0: { int z = 0; return (10 / z).ToString(); }
                case 1: { int m = int.MaxValue; return checked(m + 1).ToString(); }
                case 2: { object o = "s"; return ((Array)o).Length.ToString(); }
                case 3: { int[] a = new int[1]; return a[1].ToString(); }
                case 4: throw new Tagged<int>(42);
                case 5: throw new Tagged<string>("x");
                case 6: throw new NotSupportedException("nope");
                case 7: { string s = null; return s.Length.ToString(); }
                default: return "no exception";
            }
        }
        catch (DivideByZeroException) { return "divide"; }
        catch (ArithmeticException e) { return "arithmetic: " + e.Message; }
        catch (Tagged<int> e) { return "int tag " + (e.Tag + 1); }
        catch (InvalidCastException) { return "cast"; }
        catch (SystemException e) when (e is IndexOutOfRangeException) { return "system (index)"; }
        catch (NullReferenceException) { return "null"; }
        catch (SystemException e) { return "system: " + e.Message; }
        catch (Exception e) { return "general: " + e.Message; }
    }

    static int Main()
    {
        int len = 0;
        for (int k = 0; k <= 8; k++) { string r = Classify(k); Console.WriteLine(k + " " + r); len += r.Length; }
        return len;
    }
}
