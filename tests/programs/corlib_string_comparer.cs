// StringComparer.Ordinal and OrdinalIgnoreCase (and the culture ones, ordinal under the invariant
// culture) as dictionary, set and sort comparers.
using System;
using System.Collections.Generic;

static class Program
{
    static int Main()
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        headers["Content-Type"] = "text/plain";
        headers["content-length"] = "42";
        headers["CONTENT-TYPE"] = "application/json";
        Console.WriteLine(headers.Count + " " + headers["content-type"] + " " + headers.ContainsKey("Content-Length") + " " + headers.ContainsKey("Host"));
        foreach (var pair in headers) Console.WriteLine(pair);
        var exact = new HashSet<string>(StringComparer.Ordinal) { "a", "A", "b" };
        var loose = new HashSet<string>(new[] { "a", "A", "b", "B", "é", "É" }, StringComparer.OrdinalIgnoreCase);
        Console.WriteLine(exact.Count + " " + loose.Count + " " + loose.Contains("É"));
        var words = new List<string> { "banana", "Apple", "cherry", "apple", "Banana", "_x", "Zed" };
        words.Sort(StringComparer.Ordinal);
        Console.WriteLine(string.Join(",", words));
        words.Sort(StringComparer.OrdinalIgnoreCase);
        Console.WriteLine(words[0].ToLowerInvariant() + " " + words[6]);
        Console.WriteLine(StringComparer.Ordinal.Compare("a", "b") + " " + StringComparer.OrdinalIgnoreCase.Compare("abc", "ABD") + " " + StringComparer.OrdinalIgnoreCase.Equals("HeLLo", "hello") + " " + StringComparer.Ordinal.Equals("x", "X"));
        Console.WriteLine(StringComparer.OrdinalIgnoreCase.GetHashCode("MiXeD") == StringComparer.OrdinalIgnoreCase.GetHashCode("mixed"));
        Console.WriteLine(Math.Sign(StringComparer.InvariantCulture.Compare("a", "B")) + " " + StringComparer.CurrentCultureIgnoreCase.Equals("q", "Q") + " " + StringComparer.Ordinal.Compare(null, "a") + " " + StringComparer.OrdinalIgnoreCase.Equals(null, null));
        return headers.Count;
    }
}
