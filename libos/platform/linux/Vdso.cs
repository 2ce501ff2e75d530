namespace Testbed.LibOS.Platform.Linux
{
    /// <summary>
    /// Finds a function of the vDSO, the shared object the kernel maps into every process (auxv
    /// AT_SYSINFO_EHDR), by walking its ELF program headers to the dynamic section and its symbol table.
    /// Only what a lookup by name needs: no version check (x86-64 exports one version of each symbol).
    /// </summary>
    internal static unsafe class Vdso
    {
        private const ulong AtNull = 0;
        private const ulong AtSysinfoEhdr = 33;
        private const uint PtLoad = 1;
        private const uint PtDynamic = 2;
        private const long DtNull = 0;
        private const long DtHash = 4;
        private const long DtStrtab = 5;
        private const long DtSymtab = 6;
        private const int SymbolSize = 24;

        /// <summary>The address of <paramref name="name"/> in the vDSO (ASCII), or 0 when there is no vDSO or no such symbol.</summary>
        public static ulong Find(string name)
        {
            byte* image = (byte*)SysinfoHeader();
            if (image == null || image[0] != 0x7F || image[1] != (byte)'E' || image[2] != (byte)'L' || image[3] != (byte)'F' || image[4] != 2)
                return 0;
            ulong headers = *(ulong*)(image + 0x20);
            ushort headerSize = *(ushort*)(image + 0x36);
            ushort headerCount = *(ushort*)(image + 0x38);
            // Addresses in the image are link-time ones; the first loadable segment says where it is.
            long bias = 0;
            bool haveBias = false;
            long* dynamic = null;
            for (int i = 0; i < headerCount; i++)
            {
                byte* header = image + headers + (ulong)i * headerSize;
                uint type = *(uint*)header;
                ulong offset = *(ulong*)(header + 8);
                ulong address = *(ulong*)(header + 16);
                if (type == PtLoad && !haveBias)
                {
                    bias = (long)image + (long)offset - (long)address;
                    haveBias = true;
                }
                else if (type == PtDynamic)
                    dynamic = (long*)(image + offset);
            }
            if (!haveBias || dynamic == null)
                return 0;
            uint* hash = null;
            byte* strings = null;
            byte* symbols = null;
            for (long* entry = dynamic; entry[0] != DtNull; entry += 2)
            {
                byte* at = (byte*)(entry[1] + bias);
                if (entry[0] == DtHash)
                    hash = (uint*)at;
                else if (entry[0] == DtStrtab)
                    strings = at;
                else if (entry[0] == DtSymtab)
                    symbols = at;
            }
            if (strings == null || symbols == null)
                return 0;
            // DT_HASH's second word is the symbol count; without it, the string table follows the symbols.
            long count = hash != null ? hash[1] : (strings > symbols ? (strings - symbols) / SymbolSize : 0);
            for (long i = 0; i < count; i++)
            {
                byte* symbol = symbols + i * SymbolSize;
                ushort section = *(ushort*)(symbol + 6);
                ulong value = *(ulong*)(symbol + 8);
                if (section == 0 || value == 0)
                    continue;
                if (NameIs(strings + *(uint*)symbol, name))
                    return (ulong)((long)value + bias);
            }
            return 0;
        }

        private static bool NameIs(byte* text, string name)
        {
            for (int i = 0; i < name.Length; i++)
            {
                if (text[i] != (byte)name[i])
                    return false;
            }
            return text[name.Length] == 0;
        }

        /// <summary>AT_SYSINFO_EHDR from the auxiliary vector, which follows the environment's NULL.</summary>
        private static ulong SysinfoHeader()
        {
            byte** environment = LinuxStart.Environment;
            if (environment == null)
                return 0;
            while (*environment != null)
                environment++;
            ulong* auxv = (ulong*)(environment + 1);
            for (; auxv[0] != AtNull; auxv += 2)
            {
                if (auxv[0] == AtSysinfoEhdr)
                    return auxv[1];
            }
            return 0;
        }
    }
}
