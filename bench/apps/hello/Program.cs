static class Program { static int Main() { string s = "hi"; return s.Length; } }
