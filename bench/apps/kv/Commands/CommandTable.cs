using System;
using System.Collections.Generic;
using Kv.Data;
using Kv.Server;

namespace Kv.Commands
{
    internal delegate void CommandHandler(Client c);

    [Flags]
    internal enum CommandFlags
    {
        None = 0,
        /// <summary>May change the dataset: logged to the AOF when it did (the server's dirty count moved).</summary>
        Write = 1,
        ReadOnly = 2,
        Fast = 4,
        /// <summary>Allowed while the AOF cannot be written (reads and connection commands).</summary>
        Admin = 8,
    }

    internal sealed class Command
    {
        public string Name;
        /// <summary>Redis's convention: n means exactly n arguments (the name included), -n at least n.</summary>
        public int Arity;
        public CommandFlags Flags;
        public CommandHandler Handler;
        public int FirstKey, LastKey, Step;
        /// <summary>Redis's command group (COMMAND DOCS): string, list, hash, set, sorted-set, generic, connection, server.</summary>
        public string Group;
    }

    /// <summary>
    /// The command table. Lookup is by the first argument's bytes, case-insensitively, without allocating:
    /// the name is lower-cased into a small buffer and looked up in a BytesMap.
    /// </summary>
    internal sealed class CommandTable
    {
        private readonly BytesMap<Command> byName = new BytesMap<Command>(128);
        private readonly byte[] lowered = new byte[32];
        public readonly List<Command> All = new List<Command>();

        /// <summary>The group of the commands being registered (each Register sets it first).</summary>
        public string Group = "generic";

        public CommandTable()
        {
            StringCommands.Register(this);
            KeyCommands.Register(this);
            ListCommands.Register(this);
            HashCommands.Register(this);
            SetCommands.Register(this);
            SortedSetCommands.Register(this);
            ServerCommands.Register(this);
            ConnectionCommands.Register(this);
        }

        public void Add(string name, int arity, CommandFlags flags, CommandHandler handler, int firstKey = 1, int lastKey = 1, int step = 1)
        {
            var c = new Command { Name = name, Arity = arity, Flags = flags, Handler = handler, FirstKey = firstKey, LastKey = lastKey, Step = step, Group = Group };
            var key = new byte[name.Length];
            for (int i = 0; i < name.Length; i++)
                key[i] = (byte)name[i];
            byName.Add(key, c);
            All.Add(c);
        }

        /// <summary>Only valid while the caller holds the server lock (the buffer is shared).</summary>
        public Command Lookup(ReadOnlySpan<byte> name)
        {
            if (name.Length > lowered.Length)
                return null;
            for (int i = 0; i < name.Length; i++)
            {
                byte b = name[i];
                lowered[i] = b >= (byte)'A' && b <= (byte)'Z' ? (byte)(b + 32) : b;
            }
            int e = byName.Find(new ReadOnlySpan<byte>(lowered, 0, name.Length));
            return e < 0 ? null : byName.ValueAt(e);
        }
    }

    /// <summary>Redis's error texts, byte for byte.</summary>
    internal static class Errors
    {
        public const string WrongType = "-WRONGTYPE Operation against a key holding the wrong kind of value";
        public const string NotInteger = "value is not an integer or out of range";
        public const string NotFloat = "value is not a valid float";
        public const string Syntax = "syntax error";
        public const string NoSuchKey = "no such key";
        public const string IndexOutOfRange = "index out of range";
        public const string Overflow = "increment or decrement would overflow";
        public const string NotPositive = "value is out of range, must be positive";

        public static string WrongArity(string name) => "wrong number of arguments for '" + name + "' command";

        public static string InvalidExpire(string command) => "invalid expire time in '" + command + "' command";
    }
}
