// Combined delegates (+=, -=), the last result of a combined Func, field-like events (which use
// Interlocked.CompareExchange), and delegate equality.
using System;
class Button {
  public event Action<string> Clicked;
  public void Click(string who) => Clicked?.Invoke(who);
}
static class Program {
  static int count;
  static void Log(string s) { count++; Console.WriteLine("log " + s); }
  static int Main() {
    Action a = () => Console.WriteLine("one");
    a += () => Console.WriteLine("two");
    Action three = () => Console.WriteLine("three");
    a += three; a();
    a -= three; a();
    Func<int> f = () => 1; f += () => 2; Console.WriteLine(f());
    var b = new Button();
    b.Clicked += Log; b.Clicked += s => Console.WriteLine("lambda " + s);
    b.Click("x");
    b.Clicked -= Log; b.Click("y");
    Action<string> h = Log; Action<string> h2 = Log; Console.WriteLine(h == h2);
    return count;
  }
}
