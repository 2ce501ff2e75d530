// StringBuilder: Append overloads, AppendLine, AppendFormat, Insert, Remove, Replace, indexer,
// Length (truncate and extend), Capacity growth, ToString ranges, Clear, and failures.
using System;
using System.Text;

static class Program
{
    static int Main()
    {
        var sb = new StringBuilder();
        Console.WriteLine(sb.Length + " " + sb.Capacity);
        sb.Append("abc").Append(12).Append('-').Append(3.5).Append(true).Append(-7L).Append(42u).Append((object)null).Append(new char[] { 'x', 'y' });
        Console.WriteLine(sb.ToString() + " " + sb.Length + " " + sb.Capacity);
        sb.AppendLine().AppendLine("line").Append('=', 5);
        Console.Write(sb.ToString());
        Console.WriteLine();
        sb.Clear();
        Console.WriteLine(sb.Length + " " + sb.Capacity);
        for (int i = 0; i < 40; i++) sb.Append(i % 10);
        Console.WriteLine(sb + " " + sb.Capacity);
        sb.Insert(0, "<<").Insert(sb.Length, ">>").Insert(5, 999).Insert(3, '#');
        Console.WriteLine(sb.ToString());
        sb.Remove(0, 3).Remove(sb.Length - 2, 2);
        Console.WriteLine(sb.ToString(0, 10) + " " + sb.ToString(5, 3));
        sb.Replace('1', 'I').Replace("23", "[twenty-three]").Replace("999", "");
        Console.WriteLine(sb.ToString());
        sb[0] = '!';
        Console.WriteLine(sb[0] + " " + sb[1]);
        sb.Length = 4;
        Console.WriteLine(sb.ToString() + "|" + sb.Length);
        sb.Length = 6;
        Console.WriteLine(sb.ToString().Length + " " + (int)sb[5]);
        var f = new StringBuilder("start", 50);
        f.AppendFormat("[{0}:{1,4}]", "k", 7).AppendFormat("{0:X4}", 255).Append("end", 1, 2);
        Console.WriteLine(f.ToString() + " " + f.Capacity);
        Console.WriteLine(new StringBuilder("same").Equals(new StringBuilder("same")) + " " + new StringBuilder("a").Equals(new StringBuilder("b")));
        var big = new StringBuilder();
        for (int i = 0; i < 2000; i++) big.Append("word ");
        Console.WriteLine(big.Length + " " + big.Capacity);
        string interp = new StringBuilder().Append($"x={3 * 4}").AppendJoin(", ", "a", "b").ToString();
        Console.WriteLine(interp);
        try { Console.WriteLine(sb[100]); } catch (IndexOutOfRangeException e) { Console.WriteLine(e.Message); }
        try { sb.Remove(2, 100); } catch (ArgumentOutOfRangeException e) { Console.WriteLine(e.Message); }
        try { sb.Insert(100, "x"); } catch (ArgumentOutOfRangeException e) { Console.WriteLine(e.Message); }
        try { sb.Length = -1; } catch (ArgumentOutOfRangeException e) { Console.WriteLine(e.Message); }
        try { sb.ToString(2, 100); } catch (ArgumentOutOfRangeException e) { Console.WriteLine(e.Message); }
        try { sb.Replace("", "x"); } catch (ArgumentException e) { Console.WriteLine(e.Message); }
        return big.Length & 0xFF;
    }
}
