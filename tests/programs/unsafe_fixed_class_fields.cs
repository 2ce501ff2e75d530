// Unsafe code with objects: fixed on an array field of a class instance and on a string field,
// pointers to fields of structs inside arrays, pointer-walking a struct array, and stackalloc
// buffers filled from managed data and summed back.
using System;

struct Pixel { public byte R, G, B, A; }

class Image
{
    public Pixel[] Data; public string Label;
    public Image(int n, string label) { Data = new Pixel[n]; Label = label; }
}

static unsafe class Program
{
    static int Main()
    {
        var img = new Image(16, "frame-01");
        for (int i = 0; i < img.Data.Length; i++) img.Data[i] = new Pixel { R = (byte)(i * 16), G = (byte)(255 - i), B = (byte)(i * i), A = 255 };
        int sum = 0;
        fixed (Pixel* p = img.Data)
        {
            for (Pixel* q = p; q < p + img.Data.Length; q++) { sum += q->R + q->G; q->B ^= 0xFF; }
            byte* raw = (byte*)p;
            Console.WriteLine("bytes " + raw[0] + " " + raw[1] + " " + raw[2] + " " + raw[3] + " " + raw[4 * 15 + 1]);
        }
        Console.WriteLine("sum " + sum + " blue[3] " + img.Data[3].B);
        int letters = 0;
        fixed (char* c = img.Label) { for (int i = 0; c[i] != '\0'; i++) if (c[i] >= 'a' && c[i] <= 'z') letters++; }
        Console.WriteLine("letters " + letters);
        fixed (byte* g = &img.Data[5].G) { *g = 7; g[1] = 9; }
        Console.WriteLine(img.Data[5].G + " " + img.Data[5].B);
        int* buf = stackalloc int[img.Data.Length];
        for (int i = 0; i < img.Data.Length; i++) buf[i] = img.Data[i].R - img.Data[i].B;
        long t = 0; for (int i = 0; i < img.Data.Length; i++) t += buf[i];
        Console.WriteLine("diff total " + t + " sizeof " + sizeof(Pixel));
        return (int)((sum + t) & 0xFF);
    }
}
