using System;

// The order in which finally blocks run: on normal exit, on return from inside try, on break and
// continue, and while an exception propagates through several frames.
static class Program
{
    static int log;

    static void Note(int step)
    {
        log = log * 10 + step;
        Console.WriteLine("step " + step);
    }

    static int ReturnsFromTry()
    {
        try { Note(1); return 10; }
        finally { Note(2); }
    }

    static void Level3() { try { Note(5); throw new InvalidOperationException("deep"); } finally { Note(6); } }
    static void Level2() { try { Level3(); } finally { Note(7); } }

    static int Main()
    {
        Console.WriteLine(ReturnsFromTry());
        for (int i = 0; i < 3; i++)
        {
            try
            {
                if (i == 1) break;
                Note(3);
            }
            finally { Note(4); }
        }
        try { Level2(); }
        catch (InvalidOperationException e) { Console.WriteLine("caught " + e.Message); Note(8); }
        finally { Note(9); }
        Console.WriteLine(log);
        return (int)(log % 251);
    }
}
