// Console.Write/WriteLine of a char[] print the characters (the char[] overloads, not the object one).
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
