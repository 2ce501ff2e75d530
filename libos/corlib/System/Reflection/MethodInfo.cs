namespace System.Reflection
{
    public abstract class MethodBase : MemberInfo
    {
    }

    /// <summary>What <see cref="Delegate.Method"/> gives: the method's name, and equality by the code it runs. No other metadata.</summary>
    public abstract class MethodInfo : MethodBase
    {
        public static bool operator ==(MethodInfo left, MethodInfo right) => ReferenceEquals(left, right) || (left is not null && left.Equals(right));

        public static bool operator !=(MethodInfo left, MethodInfo right) => !(left == right);

        public override bool Equals(object obj) => ReferenceEquals(this, obj);

        public override int GetHashCode() => base.GetHashCode();
    }

    /// <summary>
    /// A compiled method, known by its code's address. The name comes from the image's table of
    /// function names (<c>tb_symbol_table</c>), which the backend adds only to images that ask for it.
    /// </summary>
    internal sealed unsafe class RuntimeMethodInfo : MethodInfo
    {
        private readonly IntPtr _address;
        private string _name;

        internal RuntimeMethodInfo(IntPtr address) { _address = address; }

        public override string Name => _name ??= NameOf(_address);

        public override bool Equals(object obj) => obj is RuntimeMethodInfo other && other._address == _address;

        public override int GetHashCode() => _address.GetHashCode();

        public override string ToString() => Name;

        /// <summary>
        /// .NET's Name from the function's IR name ("Program/&lt;&gt;c::&lt;Main&gt;b__4_0(System.Int32)"): what is between
        /// the last "::" and the parameters, without generic arguments ("Id&lt;System.String&gt;" is "Id").
        /// </summary>
        private static string NameOf(IntPtr address)
        {
            SymbolTable* table = SymbolTableAddress();
            SymbolEntry* entries = (SymbolEntry*)(table + 1);
            for (long i = 0; i < table->Count; i++)
            {
                if (entries[i].Address != address) continue;
                string full = string.FromUtf8Ascii(entries[i].Name);
                int open = full.IndexOf('(');
                if (open < 0) open = full.Length;
                int start = 0;
                for (int k = open - 1; k > 0; k--)
                {
                    if (full[k] == ':' && full[k - 1] == ':')
                    {
                        start = k + 1;
                        break;
                    }
                }
                int end = open;
                if (end > start && full[end - 1] == '>')
                {
                    int depth = 0;
                    for (int k = end - 1; k > start; k--)
                    {
                        if (full[k] == '>') depth++;
                        else if (full[k] == '<' && --depth == 0)
                        {
                            end = k;
                            break;
                        }
                    }
                }
                return full.Substring(start, end - start);
            }
            return "";
        }

        [System.Runtime.RuntimeImport("tb_symbol_table")]
        private static extern SymbolTable* SymbolTableAddress();

        private struct SymbolTable
        {
            public long Count;
        }

        private struct SymbolEntry
        {
            public IntPtr Address;
            public byte* Name;
        }
    }
}
