using System.Collections;
using System.Collections.Generic;

namespace System
{
    /// <summary>
    /// What String.GetEnumerator returns. C# compiles <c>foreach</c> over a string as an indexed
    /// loop, but Roslyn's binder still looks the enumerator up, and fails to emit without it.
    /// </summary>
    public sealed class CharEnumerator : IEnumerator<char>
    {
        private string _str;
        private int _index;
        private char _currentElement;

        internal CharEnumerator(string str)
        {
            _str = str;
            _index = -1;
        }

        public bool MoveNext()
        {
            if (_index < _str.Length - 1)
            {
                _index++;
                _currentElement = _str[_index];
                return true;
            }
            _index = _str.Length;
            return false;
        }

        public char Current
        {
            get
            {
                if (_index == -1) throw new InvalidOperationException("Enumeration has not started. Call MoveNext.");
                if (_index >= _str.Length) throw new InvalidOperationException("Enumeration already finished.");
                return _currentElement;
            }
        }

        object IEnumerator.Current => Current;

        public void Reset()
        {
            _currentElement = (char)0;
            _index = -1;
        }

        public void Dispose() { }
    }
}
