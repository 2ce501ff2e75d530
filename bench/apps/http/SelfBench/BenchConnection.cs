using System;
using System.Diagnostics;
using System.Net.Sockets;

namespace Http.SelfBench
{
    /// <summary>
    /// One keep-alive connection of `http self-bench`: a request, its whole response read and checked, the next
    /// request, until the deadline.
    /// </summary>
    internal sealed class BenchConnection
    {
        private static readonly byte[] StatusOk = SelfBenchmark.Ascii("HTTP/1.1 200 OK\r\n");
        private static readonly byte[] ContentLength = SelfBenchmark.Ascii("\r\nContent-Length: ");
        // Room for the head of a response; tbhttp's are about 250 bytes.
        private const int HeadRoom = 4096;

        private readonly Socket socket;
        private readonly byte[] request;
        private readonly byte[] body;
        private readonly byte[] input;

        /// <summary>Why this connection stopped early, or null.</summary>
        public string Failure;
        /// <summary>Complete, correct responses.</summary>
        public long Responses;

        public BenchConnection(Socket socket, byte[] request, byte[] body)
        {
            this.socket = socket;
            this.request = request;
            this.body = body;
            input = new byte[HeadRoom + body.Length];
        }

        public void Run(long deadline)
        {
            try
            {
                while (Stopwatch.GetTimestamp() < deadline)
                {
                    int sent = 0;
                    while (sent < request.Length)
                        sent += socket.Send(request, sent, request.Length - sent, SocketFlags.None);
                    Failure = ReceiveResponse();
                    if (Failure != null)
                        return;
                    Responses++;
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

        /// <summary>Reads one response and checks it; null when it is the file with status 200, else what is wrong.</summary>
        private string ReceiveResponse()
        {
            int have = 0;
            int headEnd = -1;
            int total = -1;
            while (total < 0 || have < total)
            {
                if (have == input.Length)
                    return "a response larger than its head and the file";
                int n = socket.Receive(input, have, input.Length - have, SocketFlags.None);
                if (n == 0)
                    return "the server closed the connection after " + Responses.ToString() + " responses";
                have += n;
                if (headEnd < 0)
                {
                    headEnd = IndexOfBlankLine(have);
                    if (headEnd < 0)
                        continue;
                    if (!StartsWith(input, 0, StatusOk))
                        return "status line " + Printable(0, LineEnd(0, headEnd)) + ", expected HTTP/1.1 200 OK";
                    long length = ContentLengthOf(headEnd);
                    if (length != body.Length)
                        return "Content-Length " + length.ToString() + ", the file has " + body.Length.ToString() + " bytes";
                    total = headEnd + 4 + body.Length;
                }
            }
            if (have > total)
                return (have - total).ToString() + " bytes after the response, none asked for";
            if (!new ReadOnlySpan<byte>(input, headEnd + 4, body.Length).SequenceEqual(body))
                return "the body differs from the file";
            return null;
        }

        private int IndexOfBlankLine(int have)
        {
            for (int i = 0; i + 3 < have; i++)
                if (input[i] == '\r' && input[i + 1] == '\n' && input[i + 2] == '\r' && input[i + 3] == '\n')
                    return i;
            return -1;
        }

        /// <summary>The value of Content-Length in the head, or -1 when there is none.</summary>
        private long ContentLengthOf(int headEnd)
        {
            for (int i = 0; i + ContentLength.Length <= headEnd; i++)
            {
                if (!StartsWith(input, i, ContentLength))
                    continue;
                long value = 0;
                int at = i + ContentLength.Length;
                if (at >= headEnd || input[at] < '0' || input[at] > '9')
                    return -1;
                for (; at < headEnd && input[at] >= '0' && input[at] <= '9'; at++)
                    value = value * 10 + (input[at] - '0');
                return value;
            }
            return -1;
        }

        private int LineEnd(int start, int limit)
        {
            int i = start;
            while (i < limit && input[i] != '\r')
                i++;
            return i;
        }

        private static bool StartsWith(byte[] bytes, int at, byte[] prefix)
        {
            if (at + prefix.Length > bytes.Length)
                return false;
            for (int i = 0; i < prefix.Length; i++)
                if (bytes[at + i] != prefix[i])
                    return false;
            return true;
        }

        private string Printable(int start, int end)
        {
            var text = new char[end - start];
            for (int i = start; i < end; i++)
                text[i - start] = input[i] >= 32 && input[i] < 127 ? (char)input[i] : '.';
            return new string(text);
        }
    }
}
