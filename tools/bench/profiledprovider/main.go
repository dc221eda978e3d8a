// Command profiledprovider is terraform-provider-industrydata with profiles:
// when BENCH_PROFILE_DIR is set, each process writes a CPU profile
// (cpu-<pid>.pprof, the whole life of the process) and a heap profile at
// exit (heap-<pid>.pprof) there, and samples its memory every 100 ms
// (mem-<pid>.tsv: seconds, heap in use, heap goal, heap obtained from the
// OS, heap released to it, GC cycles, goroutines) and writes heap profiles of the
// heap as of the last GC, every 2 s (heap-live-<pid>-<seconds>.pprof); BENCH_PROVIDER_GOGC sets the provider's
// GOGC alone (GOGC would also reach Terraform), and BENCH_PROVIDER_MEMLIMIT_MB
// its soft memory limit in MiB (as GOMEMLIMIT would; GOMEMLIMIT reaches Terraform too). `go run ./tools/bench -profile DIR` runs the
// phases with it, because a provider started by Terraform cannot otherwise be
// profiled. Merge a phase's profiles with
//
//	go tool pprof -top DIR/<size>-<phase>/cpu-*.pprof
package main

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strconv"
	"time"

	"github.com/industrydata/terraform-provider-industrydata/internal/process"
	"github.com/industrydata/terraform-provider-industrydata/internal/provider"
)

func main() {
	process.Prepare(os.Getenv, os.Setenv) // as the released provider does
	if v := os.Getenv("BENCH_PROVIDER_GOGC"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			log.Fatalf("BENCH_PROVIDER_GOGC=%q: %v", v, err)
		}
		debug.SetGCPercent(n)
	}
	if v := os.Getenv("BENCH_PROVIDER_MEMLIMIT_MB"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			log.Fatalf("BENCH_PROVIDER_MEMLIMIT_MB=%q: %v", v, err)
		}
		debug.SetMemoryLimit(int64(n) << 20)
	}
	if dir := os.Getenv("BENCH_PROFILE_DIR"); dir != "" {
		stop, err := startProfiles(dir)
		if err != nil {
			log.Fatal(err)
		}
		defer stop()
	}
	if err := process.Serve("registry.terraform.io/industrydata/industrydata", provider.New("bench"), false); err != nil {
		log.Print(err)
	}
}

func startProfiles(dir string) (func(), error) {
	pid := os.Getpid()
	cpu, err := os.Create(filepath.Join(dir, fmt.Sprintf("cpu-%d.pprof", pid)))
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(cpu); err != nil {
		return nil, err
	}
	mem, err := os.Create(filepath.Join(dir, fmt.Sprintf("mem-%d.tsv", pid)))
	if err != nil {
		return nil, err
	}
	done := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		defer mem.Close()
		fmt.Fprintln(mem, "seconds\theap_inuse\theap_goal\theap_sys\theap_released\tgc_cycles\tgoroutines")
		start := time.Now()
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		for i := 1; ; i++ {
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			if i%20 == 0 { // every 2 s: what is live now (as of the last GC)
				writeHeap(filepath.Join(dir, fmt.Sprintf("heap-live-%d-%03d.pprof", pid, i/10)))
			}
			fmt.Fprintf(mem, "%.1f\t%d\t%d\t%d\t%d\t%d\t%d\n", time.Since(start).Seconds(), ms.HeapInuse, ms.NextGC, ms.HeapSys, ms.HeapReleased, ms.NumGC, runtime.NumGoroutine())
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() {
		close(done)
		<-sampled
		pprof.StopCPUProfile()
		cpu.Close()
		runtime.GC()
		writeHeap(filepath.Join(dir, fmt.Sprintf("heap-%d.pprof", pid)))
	}, nil
}

func writeHeap(path string) {
	f, err := os.Create(path)
	if err != nil {
		return
	}
	defer f.Close()
	_ = pprof.Lookup("allocs").WriteTo(f, 0)
}
