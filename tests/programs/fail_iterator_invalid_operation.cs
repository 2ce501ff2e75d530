// An iterator that validates its input lazily: elements are consumed and printed until the iterator
// throws InvalidOperationException in the middle of a foreach.
using System;
using System.Collections.Generic;
static class Program
{
    static IEnumerable<int> Increasing(int[] data)
    {
        for (int i = 0; i < data.Length; i++)
        {
            if (i > 0 && data[i] <= data[i - 1]) throw new InvalidOperationException("sequence not increasing at index " + i);
            yield return data[i];
        }
    }
    static int Main()
    {
        int sum = 0;
        foreach (var x in Increasing(new[] { 1, 4, 9, 16, 15, 36 })) { sum += x; Console.WriteLine(x + " sum " + sum); }
        return sum;
    }
}
