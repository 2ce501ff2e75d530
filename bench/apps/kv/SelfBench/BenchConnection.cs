using System;
using System.Net.Sockets;

namespace Kv.SelfBench
{
    /// <summary>
    /// One client connection of `kv self-bench`: sends its share of the requests a pipeline at a time and
    /// checks every byte of the replies against the expected one.
    /// </summary>
    internal sealed class BenchConnection
    {
        private readonly Socket socket;
        private readonly byte[] commands;
        private readonly int commandLength;
        private readonly byte[] replies;
        private readonly int replyLength;
        private readonly int pipeline;
        private readonly WorkCounter work;

        /// <summary>Why this connection stopped early, or null.</summary>
        public string Failure;
        /// <summary>Replies received and found right.</summary>
        public long Replies;

        public BenchConnection(Socket socket, byte[] command, byte[] reply, int pipeline, WorkCounter work)
        {
            this.socket = socket;
            this.pipeline = pipeline;
            this.work = work;
            commandLength = command.Length;
            replyLength = reply.Length;
            commands = Repeat(command, pipeline);
            replies = Repeat(reply, pipeline);
        }

        public void Run()
        {
            try
            {
                var input = new byte[replies.Length];
                while (true)
                {
                    int batch = work.Claim(pipeline);
                    if (batch == 0)
                        return;
                    SendAll(batch * commandLength);
                    if (!ReceiveAndCheck(input, batch * replyLength))
                        return;
                    Replies += batch;
                }
            }
            catch (SocketException e)
            {
                Failure = "socket error: " + e.Message;
            }
        }

        public void Close()
        {
            try
            {
                socket.Shutdown(SocketShutdown.Both);
            }
            catch (SocketException)
            {
            }
            socket.Close();
        }

        private void SendAll(int length)
        {
            int sent = 0;
            while (sent < length)
                sent += socket.Send(commands, sent, length - sent, SocketFlags.None);
        }

        private bool ReceiveAndCheck(byte[] input, int length)
        {
            int received = 0;
            while (received < length)
            {
                int n = socket.Receive(input, received, length - received, SocketFlags.None);
                if (n == 0)
                {
                    Failure = "the server closed the connection";
                    return false;
                }
                for (int i = received; i < received + n; i++)
                {
                    if (input[i] != replies[i])
                    {
                        Failure = "reply " + (Replies + i / replyLength + 1).ToString() + " of a connection differs from Redis's at byte "
                            + (i % replyLength).ToString() + ": got " + Printable(input, i - i % replyLength, replyLength);
                        return false;
                    }
                }
                received += n;
            }
            return true;
        }

        private static string Printable(byte[] bytes, int start, int length)
        {
            var text = new char[length];
            for (int i = 0; i < length; i++)
            {
                byte b = bytes[start + i];
                text[i] = b >= 32 && b < 127 ? (char)b : '.';
            }
            return new string(text);
        }

        private static byte[] Repeat(byte[] one, int times)
        {
            var all = new byte[one.Length * times];
            for (int i = 0; i < times; i++)
                Array.Copy(one, 0, all, i * one.Length, one.Length);
            return all;
        }
    }
}
