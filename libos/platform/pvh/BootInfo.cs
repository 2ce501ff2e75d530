namespace Testbed.LibOS.Platform.Pvh
{
    /// <summary>
    /// What the loader told us, kept for the rest of the library OS: the memory map and the kernel
    /// command line. The loader's tables stay where they are (low memory, outside the heap).
    /// </summary>
    public static unsafe class BootInfo
    {
        private static PvhStartInfo* s_startInfo;
        private static PvhMemoryMapEntry* s_memoryMap;
        private static int s_memoryMapEntryCount;
        private static byte* s_commandLine;
        private static int s_commandLineLength;

        public static PvhStartInfo* StartInfo => s_startInfo;

        public static int MemoryMapEntryCount => s_memoryMapEntryCount;

        public static PvhMemoryMapEntry MemoryMapEntry(int index) => s_memoryMap[index];

        /// <summary>The command line as bytes, without its terminating NUL; empty when there is none.</summary>
        public static byte* CommandLine => s_commandLine;

        public static int CommandLineLength => s_commandLineLength;

        internal static void Record(PvhStartInfo* info)
        {
            s_startInfo = info;
            if (info->Version >= 1 && info->MemoryMapAddress != 0)
            {
                s_memoryMap = (PvhMemoryMapEntry*)info->MemoryMapAddress;
                s_memoryMapEntryCount = (int)info->MemoryMapEntryCount;
            }
            if (info->CommandLineAddress != 0)
            {
                s_commandLine = (byte*)info->CommandLineAddress;
                int length = 0;
                while (s_commandLine[length] != 0)
                    length++;
                s_commandLineLength = length;
            }
        }
    }
}
