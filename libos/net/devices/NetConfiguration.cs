using System;

namespace Testbed.LibOS.Net.Devices
{
    /// <summary>
    /// The network configuration of an image, the same on both targets (docs/net.md, "Devices,
    /// configuration, pcap, faults"): <c>KEY=VALUE</c> settings, which the Linux target reads from its
    /// environment and the PVH target from the kernel command line (QEMU's <c>-append</c>), where they
    /// are words separated by spaces. <c>testbed run</c> writes them from its options.
    /// <list type="table">
    /// <item><c>TESTBED_NET_IP=10.0.2.15/24</c>: the Ethernet interface's address and prefix length</item>
    /// <item><c>TESTBED_NET_GATEWAY=10.0.2.2</c>: the default route (0.0.0.0 or absent: none)</item>
    /// <item><c>TESTBED_NET_TAP=tbtap0</c>: Linux: the tap device to attach (absent: no Ethernet interface)</item>
    /// <item><c>TESTBED_NET_MAC=02:00:00:00:00:01</c>: Linux: the tap's MAC (absent: random, locally administered)</item>
    /// <item><c>TESTBED_NET_PCAP=/abs/file.pcap</c>: Linux: every frame sent and received, in pcap format</item>
    /// <item><c>TESTBED_NET_FAULTS=drop=0.05,reorder=0.02,duplicate=0.01,corrupt=0.001,seed=42,dir=both</c>: the fault injector</item>
    /// <item><c>TESTBED_NET_OFFLOAD=0</c>: Linux: open the tap without checksum and segmentation offload (default 1; off whenever faults are injected)</item>
    /// <item><c>TESTBED_NET_STATS=1</c>: the stack's counters on standard error when the program exits (run --verbose)</item>
    /// </list>
    /// </summary>
    public sealed unsafe class NetConfiguration
    {
        public const string KeyAddress = "TESTBED_NET_IP";
        public const string KeyGateway = "TESTBED_NET_GATEWAY";
        public const string KeyTap = "TESTBED_NET_TAP";
        public const string KeyMac = "TESTBED_NET_MAC";
        public const string KeyPcap = "TESTBED_NET_PCAP";
        public const string KeyFaults = "TESTBED_NET_FAULTS";
        public const string KeyStatistics = "TESTBED_NET_STATS";
        public const string KeyOffload = "TESTBED_NET_OFFLOAD";

        /// <summary>10.0.2.15/24 with gateway 10.0.2.2: QEMU's user network, and testbed's tap namespaces.</summary>
        public const uint DefaultAddress = 0x0A00020F;
        public const int DefaultPrefixLength = 24;
        public const uint DefaultGateway = 0x0A000202;

        public uint Address = DefaultAddress;
        public int PrefixLength = DefaultPrefixLength;
        public uint Gateway = DefaultGateway;
        public string TapName;
        /// <summary>The low 48 bits; 0: none given.</summary>
        public ulong Mac;
        public string PcapPath;
        /// <summary>Null: no fault injection.</summary>
        public FaultSettings Faults;
        /// <summary>TESTBED_NET_OFFLOAD: the tap's checksum and TCP segmentation offload (docs/net.md, "Offloads"); on unless "0".</summary>
        public bool Offloads = true;
        /// <summary>TESTBED_NET_STATS=1 (testbed run --verbose): the stack's counters on standard error at exit.</summary>
        public bool Statistics;
        /// <summary>The settings that could not be read, one message per line; null when all were fine.</summary>
        public string Errors;

        /// <summary>Reads <c>KEY=VALUE</c> words of a kernel command line; other words are ignored.</summary>
        public static NetConfiguration FromCommandLine(byte* text, int length)
        {
            var configuration = new NetConfiguration();
            int i = 0;
            while (i < length && text[i] != 0)
            {
                while (i < length && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n'))
                    i++;
                int start = i;
                while (i < length && text[i] != 0 && text[i] != ' ' && text[i] != '\t' && text[i] != '\n')
                    i++;
                if (i > start)
                    configuration.ApplyWord(text + start, i - start);
            }
            return configuration;
        }

        /// <summary>Reads a NULL-terminated array of NUL-terminated <c>KEY=VALUE</c> strings (envp).</summary>
        public static NetConfiguration FromEnvironment(byte** environment)
        {
            var configuration = new NetConfiguration();
            for (int e = 0; environment != null && environment[e] != null; e++)
            {
                byte* entry = environment[e];
                // Only the keys of this scheme: the rest of the environment is none of the stack's business.
                if (entry[0] != 'T' || entry[1] != 'E' || entry[2] != 'S' || entry[3] != 'T')
                    continue;
                int n = 0;
                while (entry[n] != 0)
                    n++;
                configuration.ApplyWord(entry, n);
            }
            return configuration;
        }

        private void ApplyWord(byte* word, int length)
        {
            int equals = 0;
            while (equals < length && word[equals] != '=')
                equals++;
            if (equals == length || equals < 12 || word[0] != 'T')
                return;
            Apply(Text(word, equals), Text(word + equals + 1, length - equals - 1));
        }

        /// <summary>Applies one setting; unknown keys are ignored, malformed values recorded in <see cref="Errors"/>.</summary>
        public void Apply(string key, string value)
        {
            if (key == KeyAddress)
            {
                int slash = value.IndexOf('/');
                string address = slash < 0 ? value : value.Substring(0, slash);
                int prefix = DefaultPrefixLength;
                if (!TryParseAddress(address, out uint parsed)
                    || (slash >= 0 && (!TryParseInteger(value.Substring(slash + 1), out prefix) || prefix < 1 || prefix > 32)))
                {
                    AddError(key, value, "expected A.B.C.D/PREFIX");
                    return;
                }
                Address = parsed;
                PrefixLength = prefix;
            }
            else if (key == KeyGateway)
            {
                if (!TryParseAddress(value, out uint parsed))
                    AddError(key, value, "expected A.B.C.D");
                else
                    Gateway = parsed;
            }
            else if (key == KeyTap)
                TapName = value;
            else if (key == KeyMac)
            {
                if (!TryParseMac(value, out ulong mac))
                    AddError(key, value, "expected six hex bytes separated by ':'");
                else
                    Mac = mac;
            }
            else if (key == KeyPcap)
                PcapPath = value;
            else if (key == KeyStatistics)
                Statistics = value == "1";
            else if (key == KeyOffload)
            {
                if (value == "0" || value == "1")
                    Offloads = value == "1";
                else
                    AddError(key, value, "expected 0 or 1");
            }
            else if (key == KeyFaults)
            {
                FaultSettings faults = FaultSettings.Parse(value, out string error);
                if (faults == null)
                    AddError(key, value, error);
                else
                    Faults = faults.IsActive ? faults : null;
            }
        }

        private void AddError(string key, string value, string problem)
        {
            string line = "testbed net: " + key + "=" + value + ": " + problem + "\n";
            Errors = Errors == null ? line : Errors + line;
        }

        private static string Text(byte* bytes, int length)
        {
            var chars = new char[length];
            for (int i = 0; i < length; i++)
                chars[i] = (char)bytes[i];
            return new string(chars);
        }

        public static bool TryParseAddress(string text, out uint address)
        {
            address = 0;
            int part = 0;
            int value = -1;
            for (int i = 0; i <= text.Length; i++)
            {
                char c = i < text.Length ? text[i] : '.';
                if (c >= '0' && c <= '9')
                {
                    value = (value < 0 ? 0 : value * 10) + (c - '0');
                    if (value > 255)
                        return false;
                }
                else if (c == '.')
                {
                    if (value < 0 || part == 4)
                        return false;
                    address = (address << 8) | (uint)value;
                    part++;
                    value = -1;
                }
                else
                    return false;
            }
            return part == 4;
        }

        public static bool TryParseInteger(string text, out int value)
        {
            value = 0;
            if (text.Length == 0 || text.Length > 9)
                return false;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9')
                    return false;
                value = value * 10 + (c - '0');
            }
            return true;
        }

        public static bool TryParseMac(string text, out ulong mac)
        {
            mac = 0;
            if (text.Length != 17)
                return false;
            for (int i = 0; i < 6; i++)
            {
                int high = HexDigit(text[3 * i]);
                int low = HexDigit(text[3 * i + 1]);
                if (high < 0 || low < 0 || (i < 5 && text[3 * i + 2] != ':'))
                    return false;
                mac = (mac << 8) | (uint)(high * 16 + low);
            }
            return true;
        }

        private static int HexDigit(char c)
        {
            if (c >= '0' && c <= '9')
                return c - '0';
            if (c >= 'a' && c <= 'f')
                return c - 'a' + 10;
            if (c >= 'A' && c <= 'F')
                return c - 'A' + 10;
            return -1;
        }

        /// <summary>A.B.C.D for messages.</summary>
        public static string FormatAddress(uint address) =>
            (address >> 24).ToString() + "." + ((address >> 16) & 0xFF).ToString() + "." + ((address >> 8) & 0xFF).ToString() + "." + (address & 0xFF).ToString();
    }

    /// <summary>What <see cref="FaultInjector"/> does, from <c>drop=0.05,reorder=0.02,duplicate=0.01,corrupt=0.001,seed=42,dir=both</c>.</summary>
    public sealed class FaultSettings
    {
        /// <summary>Rates are in parts per million of frames.</summary>
        public const int Million = 1_000_000;

        public int DropPerMillion;
        public int DuplicatePerMillion;
        public int ReorderPerMillion;
        public int CorruptPerMillion;
        public ulong Seed = 1;
        public bool OnReceive = true;
        public bool OnTransmit = true;

        public bool IsActive => (OnReceive || OnTransmit)
            && (DropPerMillion | DuplicatePerMillion | ReorderPerMillion | CorruptPerMillion) != 0;

        /// <summary>
        /// Comma-separated <c>name=value</c>: drop, duplicate, reorder, corrupt (a probability per frame,
        /// 0 to 1, as a decimal fraction or a percentage: 0.05 or 5%), seed (a decimal integer) and dir
        /// (both, rx or tx). Null with <paramref name="error"/> when malformed.
        /// </summary>
        public static FaultSettings Parse(string text, out string error)
        {
            error = null;
            var settings = new FaultSettings();
            int start = 0;
            while (start <= text.Length)
            {
                int comma = text.IndexOf(',', start);
                if (comma < 0)
                    comma = text.Length;
                string item = text.Substring(start, comma - start);
                start = comma + 1;
                if (item.Length == 0)
                    continue;
                int equals = item.IndexOf('=');
                if (equals <= 0)
                {
                    error = "'" + item + "': expected name=value";
                    return null;
                }
                string name = item.Substring(0, equals);
                string value = item.Substring(equals + 1);
                if (name == "seed")
                {
                    if (!TryParseSeed(value, out settings.Seed))
                    {
                        error = "seed: expected a decimal integer";
                        return null;
                    }
                    continue;
                }
                if (name == "dir")
                {
                    settings.OnReceive = value == "both" || value == "rx";
                    settings.OnTransmit = value == "both" || value == "tx";
                    if (!settings.OnReceive && !settings.OnTransmit)
                    {
                        error = "dir: expected both, rx or tx";
                        return null;
                    }
                    continue;
                }
                if (!TryParseRate(value, out int rate))
                {
                    error = name + ": expected a probability from 0 to 1 (0.05 or 5%)";
                    return null;
                }
                if (name == "drop")
                    settings.DropPerMillion = rate;
                else if (name == "duplicate")
                    settings.DuplicatePerMillion = rate;
                else if (name == "reorder")
                    settings.ReorderPerMillion = rate;
                else if (name == "corrupt")
                    settings.CorruptPerMillion = rate;
                else
                {
                    error = "unknown fault '" + name + "' (drop, duplicate, reorder, corrupt, seed, dir)";
                    return null;
                }
            }
            return settings;
        }

        /// <summary>"0.05", "1", ".5", "5%" as parts per million (six decimals; more are cut off).</summary>
        public static bool TryParseRate(string text, out int perMillion)
        {
            perMillion = 0;
            bool percent = text.Length > 0 && text[text.Length - 1] == '%';
            int end = percent ? text.Length - 1 : text.Length;
            long whole = 0;
            long fraction = 0;
            int fractionDigits = 0;
            bool dot = false;
            bool digits = false;
            for (int i = 0; i < end; i++)
            {
                char c = text[i];
                if (c == '.' && !dot)
                    dot = true;
                else if (c >= '0' && c <= '9')
                {
                    digits = true;
                    if (!dot)
                    {
                        whole = whole * 10 + (c - '0');
                        if (whole > 100)
                            return false;
                    }
                    else if (fractionDigits < 8)
                    {
                        fraction = fraction * 10 + (c - '0');
                        fractionDigits++;
                    }
                }
                else
                    return false;
            }
            if (!digits)
                return false;
            while (fractionDigits < 8)
            {
                fraction *= 10;
                fractionDigits++;
            }
            // whole and fraction in units of 1e-8.
            long value = whole * 100_000_000L + fraction;
            long ppm = percent ? value / 10_000L : value / 100L;
            if (ppm > Million)
                return false;
            perMillion = (int)ppm;
            return true;
        }

        private static bool TryParseSeed(string text, out ulong seed)
        {
            seed = 0;
            if (text.Length == 0 || text.Length > 19)
                return false;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9')
                    return false;
                seed = seed * 10 + (ulong)(c - '0');
            }
            return true;
        }
    }
}
