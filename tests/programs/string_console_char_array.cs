// Console.Write/WriteLine of a char[] print the characters (COMPILER_BUGS.md entry 11: Testbed's core
// library has no char[] overloads, so the calls bind to the object overload).
using System;

static class Program
{
    static int Main()
    {
        char[] word = { 't', 'e', 's', 't', 'b', 'e', 'd' };
        Console.WriteLine(word);
        for (int i = 0; i < word.Length; i++) word[i] = (char)(word[i] - 32);
        Console.Write(word); Console.WriteLine();
        object boxed = word;
        Console.WriteLine(boxed);
        return word.Length;
    }
}
