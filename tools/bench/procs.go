package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// procSummary describes the provider processes Terraform started during one
// command, as seen by polling /proc every pollInterval.
type procSummary struct {
	count   int           // processes seen
	peakRSS int64         // bytes: the largest VmHWM (peak resident set) of any of them
	cpu     time.Duration // user+system time, summed, as last seen before each exited
}

const pollInterval = 20 * time.Millisecond

// clockTicks is USER_HZ, the unit of /proc/<pid>/stat times: 100 on Linux
// for every architecture Go supports.
const clockTicks = 100

type procWatcher struct {
	exe  string
	stop func() procSummary
}

// watchProcesses polls /proc for processes running the binary exe and
// records, per process, its peak RSS (VmHWM, which only grows, so a late
// sample is exact up to the last poll) and its CPU time.
func watchProcesses(exe string) *procWatcher {
	w := &procWatcher{exe: exe}
	type seen struct {
		hwm int64
		cpu time.Duration
	}
	var mu sync.Mutex
	procs := map[int]*seen{}
	notOurs := map[int]bool{}
	done, finished := make(chan struct{}), make(chan struct{})
	poll := func() {
		entries, _ := os.ReadDir("/proc")
		for _, e := range entries {
			pid, err := strconv.Atoi(e.Name())
			if err != nil || notOurs[pid] {
				continue
			}
			mu.Lock()
			s := procs[pid]
			mu.Unlock()
			if s == nil {
				target, err := os.Readlink(filepath.Join("/proc", e.Name(), "exe"))
				if err != nil || target != exe {
					// Not ours, unless it is a child Terraform has forked but
					// not yet exec'd, or one we cannot read yet: look again.
					notOurs[pid] = err == nil && !strings.HasPrefix(filepath.Base(target), "terraform")
					continue
				}
				s = &seen{}
				mu.Lock()
				procs[pid] = s
				mu.Unlock()
			}
			if hwm, ok := readHWM(pid); ok && hwm > s.hwm {
				s.hwm = hwm
			}
			if st, ok := readStat(pid); ok {
				s.cpu = st.cpu
			}
		}
	}
	go func() {
		defer close(finished)
		t := time.NewTicker(pollInterval)
		defer t.Stop()
		for {
			poll()
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	w.stop = func() procSummary {
		close(done)
		<-finished
		mu.Lock()
		defer mu.Unlock()
		var sum procSummary
		for _, s := range procs {
			sum.count++
			sum.cpu += s.cpu
			sum.peakRSS = max(sum.peakRSS, s.hwm)
		}
		return sum
	}
	return w
}

// readHWM is VmHWM from /proc/<pid>/status, in bytes.
func readHWM(pid int) (int64, bool) {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0, false
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb * 1024, err == nil
		}
	}
	return 0, false
}

type procStat struct{ cpu time.Duration }

// readStat reads utime+stime from /proc/<pid>/stat.
func readStat(pid int) (procStat, bool) {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return procStat{}, false
	}
	// The command name, in parentheses, may hold spaces: split after it.
	s := string(data)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return procStat{}, false
	}
	f := strings.Fields(s[i+1:])
	if len(f) < 13 {
		return procStat{}, false
	}
	// f[0] is field 3 (state); utime and stime are fields 14 and 15.
	utime, err1 := strconv.ParseInt(f[11], 10, 64)
	stime, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return procStat{}, false
	}
	return procStat{cpu: time.Duration(utime+stime) * time.Second / clockTicks}, true
}

func mb(bytes int64) float64 { return float64(bytes) / 1e6 }

// machineCPU is the CPU time all CPUs have spent busy so far (/proc/stat:
// everything but idle and iowait).
func machineCPU() time.Duration {
	data, err := os.ReadFile("/proc/stat")
	if err != nil {
		return 0
	}
	line, _, _ := strings.Cut(string(data), "\n")
	f := strings.Fields(line)
	if len(f) < 8 || f[0] != "cpu" {
		return 0
	}
	var busy int64
	for i, v := range f[1:] {
		n, _ := strconv.ParseInt(v, 10, 64)
		// user nice system idle iowait irq softirq steal guest guest_nice;
		// guest time is already counted in user.
		if i != 3 && i != 4 && i < 8 {
			busy += n
		}
	}
	return time.Duration(busy) * time.Second / clockTicks
}
