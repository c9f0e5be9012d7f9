using System;
using System.IO;
using System.Runtime.InteropServices;
using AksEgress.Export;

namespace AksEgress.Commands
{
    /// <summary>
    /// What is at a file-system path before an export writes it. .NET reports a named pipe, a socket and a device as an
    /// ordinary file (FileAttributes.Normal) on Linux and macOS, and opening a named pipe to write blocks until a reader
    /// comes, so on Unix the file type is read with stat. No served library offers stat without native parts of its own;
    /// the .NET runtime's own System.Native library (which every .NET on Unix loads, and whose SystemNative_Stat .NET's
    /// file APIs call) is used instead. Where it cannot be called, the answer falls back to what .NET can tell.
    /// </summary>
    internal static class FileTarget
    {
        // The runtime's file-type bits (its own portable values, the same on every Unix).
        private const int TypeMask = 0xF000;
        private const int Fifo = 0x1000;
        private const int CharacterDevice = 0x2000;
        private const int Directory = 0x4000;
        private const int BlockDevice = 0x6000;
        private const int Socket = 0xC000;

        public static ExportTargetKind KindOf(string path)
        {
            if (System.IO.Directory.Exists(path)) return ExportTargetKind.Directory;
            if (!File.Exists(path)) return ExportTargetKind.Missing;
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return ExportTargetKind.File;
            try
            {
                // FileStatus starts with two int32s, Flags and Mode; the buffer is larger than the whole structure.
                var status = new byte[512];
                if (SystemNativeStat(path, status) != 0) return ExportTargetKind.File;
                switch (BitConverter.ToInt32(status, 4) & TypeMask)
                {
                    case Fifo:
                    case Socket:
                        return ExportTargetKind.Pipe;
                    case CharacterDevice:
                    case BlockDevice:
                        return ExportTargetKind.Device;
                    case Directory:
                        return ExportTargetKind.Directory;
                    default:
                        return ExportTargetKind.File;
                }
            }
            catch (Exception ex) when (ex is DllNotFoundException || ex is EntryPointNotFoundException)
            {
                return ExportTargetKind.File;
            }
        }

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
        private static extern int SystemNativeStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] output);
    }
}
