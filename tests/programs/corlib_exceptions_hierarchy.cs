// The exception hierarchy: default messages, catching by base type, InnerException chains,
// ArgumentException.ParamName, ArgumentOutOfRangeException.ActualValue, and exceptions thrown by
// collections caught as their .NET types.
using System;
using System.Collections.Generic;

static class Program
{
    static void Report(Exception e)
    {
        string kind = e is ArgumentNullException ? "ArgumentNull" : e is ArgumentOutOfRangeException ? "ArgumentOutOfRange" : e is ArgumentException ? "Argument"
            : e is ObjectDisposedException ? "ObjectDisposed" : e is InvalidOperationException ? "InvalidOperation" : e is KeyNotFoundException ? "KeyNotFound"
            : e is FormatException ? "Format" : e is OverflowException ? "Overflow" : e is DivideByZeroException ? "DivideByZero" : e is ArithmeticException ? "Arithmetic"
            : e is NotSupportedException ? "NotSupported" : e is NotImplementedException ? "NotImplemented" : e is IndexOutOfRangeException ? "IndexOutOfRange"
            : e is NullReferenceException ? "NullReference" : e is InvalidCastException ? "InvalidCast" : e is TimeoutException ? "Timeout" : e is SystemException ? "System" : "Exception";
        Console.WriteLine(kind + ": " + e.Message + (e.InnerException != null ? " <- " + e.InnerException.Message : ""));
    }

    static int Main()
    {
        Exception[] all =
        {
            new Exception(), new SystemException(), new ApplicationException(), new ArgumentException(), new ArgumentNullException(), new ArgumentNullException("p"),
            new ArgumentNullException("p", "custom"), new ArgumentOutOfRangeException(), new ArgumentOutOfRangeException("q"), new ArgumentOutOfRangeException("q", 42, "too big"),
            new ArgumentException("bad", "arg"), new ArgumentException("bad", new FormatException()), new ArithmeticException(), new DivideByZeroException(), new OverflowException(),
            new FormatException(), new IndexOutOfRangeException(), new InvalidCastException(), new InvalidOperationException(), new InvalidOperationException("outer", new TimeoutException()),
            new NotSupportedException(), new NotImplementedException(), new NullReferenceException(), new KeyNotFoundException(), new TimeoutException(), new ObjectDisposedException("thing"),
            new Exception("with inner", new Exception("inner", new Exception("innermost"))),
        };
        foreach (Exception e in all) Report(e);
        var aoore = new ArgumentOutOfRangeException("idx", 7, "msg");
        Console.WriteLine(aoore.ParamName + " " + aoore.ActualValue + " " + new ArgumentNullException("x").ParamName + " " + (new ArgumentException("m").ParamName == null));
        int caught = 0;
        for (int k = 0; k < 8; k++)
        {
            try
            {
                switch (k)
                {
                    case 0: new List<int>()[0] = 1; break;
                    case 1: new Dictionary<int, int>()[3]++; break;
                    case 2: new Queue<int>().Dequeue(); break;
                    case 3: int.Parse("1x"); break;
                    case 4: checked { int big = int.MaxValue; big++; } break;
                    case 5: "abc".Substring(5); break;
                    case 6: new Dictionary<string, int>().Add(null, 1); break;
                    default: throw new InvalidOperationException("wrapped", new ArgumentException("root cause", "param"));
                }
            }
            catch (SystemException e) { caught++; Report(e); }
        }
        try
        {
            try { throw new FormatException("first"); }
            catch (FormatException e) { throw new InvalidOperationException("second", e); }
        }
        catch (Exception e) { Report(e); Console.WriteLine(e.InnerException is FormatException); }
        return caught;
    }
}
