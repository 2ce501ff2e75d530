namespace Testbed.Backend.Llvm;

// Opaque LLVM-C handles. Each is a distinct type so that a builder can never be passed where a
// module is expected; all are a single pointer wide, so they cross the native boundary unchanged.

public readonly record struct LLVMContextRef(IntPtr Handle) { public bool IsNull => Handle == IntPtr.Zero; }
public readonly record struct LLVMModuleRef(IntPtr Handle) { public bool IsNull => Handle == IntPtr.Zero; }
public readonly record struct LLVMTypeRef(IntPtr Handle) { public bool IsNull => Handle == IntPtr.Zero; }
public readonly record struct LLVMValueRef(IntPtr Handle) { public bool IsNull => Handle == IntPtr.Zero; }
public readonly record struct LLVMBasicBlockRef(IntPtr Handle) { public bool IsNull => Handle == IntPtr.Zero; }
public readonly record struct LLVMBuilderRef(IntPtr Handle) { public bool IsNull => Handle == IntPtr.Zero; }
public readonly record struct LLVMAttributeRef(IntPtr Handle) { public bool IsNull => Handle == IntPtr.Zero; }
public readonly record struct LLVMMemoryBufferRef(IntPtr Handle) { public bool IsNull => Handle == IntPtr.Zero; }
public readonly record struct LLVMDiagnosticInfoRef(IntPtr Handle) { public bool IsNull => Handle == IntPtr.Zero; }
public readonly record struct LLVMTargetRef(IntPtr Handle) { public bool IsNull => Handle == IntPtr.Zero; }
public readonly record struct LLVMTargetMachineRef(IntPtr Handle) { public bool IsNull => Handle == IntPtr.Zero; }
public readonly record struct LLVMTargetDataRef(IntPtr Handle) { public bool IsNull => Handle == IntPtr.Zero; }
public readonly record struct LLVMPassBuilderOptionsRef(IntPtr Handle) { public bool IsNull => Handle == IntPtr.Zero; }
public readonly record struct LLVMErrorRef(IntPtr Handle) { public bool IsNull => Handle == IntPtr.Zero; }
public readonly record struct LLVMUseRef(IntPtr Handle) { public bool IsNull => Handle == IntPtr.Zero; }
public readonly record struct LLVMMetadataRef(IntPtr Handle) { public bool IsNull => Handle == IntPtr.Zero; }
public readonly record struct LLVMDIBuilderRef(IntPtr Handle) { public bool IsNull => Handle == IntPtr.Zero; }
