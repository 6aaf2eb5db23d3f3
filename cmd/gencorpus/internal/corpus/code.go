package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// codeLangs are fence languages with weights matching the real corpus:
// YAML and shell dominate, a long tail follows, and a few fences name a
// language no highlighter knows or none at all.
var codeLangs = []struct {
	lang   string
	weight int
}{
	{"yaml", 22}, {"bash", 20}, {"text", 8}, {"json", 7}, {"go", 7}, {"python", 6},
	{"dockerfile", 5}, {"rego", 5}, {"toml", 3}, {"promql", 3}, {"protobuf", 2},
	{"c", 2}, {"haskell", 2}, {"wit", 2}, {"", 2}, {"sh", 1}, {"console", 1},
	{"rust", 1}, {"wat", 1}, {"cue", 1},
}

var codeWeightSum = func() int {
	n := 0
	for _, l := range codeLangs {
		n += l.weight
	}
	return n
}()

func pickLang(r *rand.Rand) string {
	x := r.IntN(codeWeightSum)
	for _, l := range codeLangs {
		if x < l.weight {
			return l.lang
		}
		x -= l.weight
	}
	return "text"
}

var (
	apps       = []string{"wasm-app", "edge-gateway", "tenant-a-exporter", "policy-engine", "image-builder", "metrics-agent", "inference-svc", "hello-wasm", "order-api", "iot-collector"}
	namespaces = []string{"default", "edge", "kube-system", "tenant-a", "monitoring", "gatekeeper-system", "wasm-demo"}
	images     = []string{"nginx:1.27-alpine", "ghcr.io/example/wasm-app:v0.3.1", "rancher/k3s:v1.30.2-k3s1", "openpolicyagent/opa:0.66.0", "wasmedge/slim:0.14.0", "prom/prometheus:v2.53.0", "busybox:1.36"}
	runtimes   = []string{"wasmedge", "crun", "runc", "spin", "wasmtime"}
	metrics    = []string{"container_memory_working_set_bytes", "container_cpu_usage_seconds_total", "apiserver_request_duration_seconds_bucket", "kubelet_pod_start_duration_seconds_bucket", "opa_decision_latency_seconds_bucket"}
)

// code writes the body of one fenced block in lang, without the fences.
func code(r *rand.Rand, lang string) string {
	var b strings.Builder
	app, ns := pick(r, apps), pick(r, namespaces)
	if c, ok := lineComment[lang]; ok && r.IntN(4) > 0 {
		header(&b, r, c)
	}
	switch lang {
	case "yaml":
		codeYAML(&b, r, app, ns)
	case "bash", "sh", "console":
		codeShell(&b, r, app, ns, lang == "console")
	case "json":
		fmt.Fprintf(&b, "{\n  \"name\": %q,\n  \"namespace\": %q,\n  \"runtime\": %q,\n  \"limits\": {\n    \"memory\": \"%dMi\",\n    \"cpu\": \"%dm\"\n  },\n", app, ns, pick(r, runtimes), 64<<r.IntN(4), 100*(1+r.IntN(9)))
		fmt.Fprintf(&b, "  \"labels\": [\"%s\", \"tier-%d\"],\n  \"enabled\": %v\n}\n", app, r.IntN(3), r.IntN(2) == 0)
	case "go":
		fmt.Fprintf(&b, "// Reconcile 把实际状态推向期望状态（控制循环）。\nfunc (r *%sReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {\n", camel(app))
		b.WriteString("\tvar obj appsv1.Deployment\n\tif err := r.Get(ctx, req.NamespacedName, &obj); err != nil {\n\t\treturn ctrl.Result{}, client.IgnoreNotFound(err)\n\t}\n")
		fmt.Fprintf(&b, "\tif obj.Spec.Replicas == nil || *obj.Spec.Replicas < %d {\n\t\tobj.Spec.Replicas = ptr.To(int32(%d))\n\t}\n", 1+r.IntN(3), 2+r.IntN(4))
		if r.IntN(2) == 0 {
			fmt.Fprintf(&b, "\tif obj.Spec.Template.Spec.RuntimeClassName == nil {\n\t\tobj.Spec.Template.Spec.RuntimeClassName = ptr.To(%q)\n\t}\n", pick(r, runtimes))
		}
		if r.IntN(2) == 0 {
			b.WriteString("\tlog.FromContext(ctx).Info(\"reconciled\", \"name\", req.Name)\n")
		}
		fmt.Fprintf(&b, "\treturn ctrl.Result{RequeueAfter: %d * time.Second}, r.Update(ctx, &obj)\n}\n", 10*(1+r.IntN(6)))
	case "python":
		fmt.Fprintf(&b, "import statistics\n\n\ndef p99(samples: list[float]) -> float:\n    \"\"\"返回 %s 的 P99 延迟（毫秒）。\"\"\"\n    ordered = sorted(samples)\n    return ordered[int(len(ordered) * 0.99) - 1]\n\n\n", app)
		fmt.Fprintf(&b, "cold_start = [%s]\nprint(f\"median={statistics.median(cold_start):.2f}ms p99={p99(cold_start):.2f}ms\")\n", floats(r, 6+r.IntN(8)))
	case "haskell":
		b.WriteString("-- 技术栈作为类型：每一层都是对下一层的抽象\ndata Layer = Docker | Kubernetes | K3s | WasmEdge | OPA\n  deriving (Show, Eq, Ord, Enum, Bounded)\n\n")
		fmt.Fprintf(&b, "cost :: Layer -> Double\ncost Docker = %d\ncost Kubernetes = %d\ncost K3s = %d\ncost _ = %d\n\nchoose :: [Layer] -> Layer\nchoose = minimum . filter ((< %d) . cost)\n", 100, 1000, 250, 2, 1+r.IntN(900))
	case "c":
		fmt.Fprintf(&b, "#include <stdio.h>\n#include <stdint.h>\n\n/* WASI 宿主函数：读取 %s 的内存配额 */\nint32_t host_mem_limit(const char *name, uint32_t len) {\n", app)
		fmt.Fprintf(&b, "    if (len == 0) {\n        return -1;\n    }\n    printf(\"limit for %%.*s\\n\", (int)len, name);\n    return %d * 1024 * 1024;\n}\n", 64<<r.IntN(4))
	case "rego":
		fmt.Fprintf(&b, "package kubernetes.admission\n\nimport rego.v1\n\n# 禁止 %s 命名空间中的特权容器\ndeny contains msg if {\n", ns)
		b.WriteString("\tinput.request.kind.kind == \"Pod\"\n\tsome c in input.request.object.spec.containers\n\tc.securityContext.privileged\n\tmsg := sprintf(\"privileged container %v is not allowed\", [c.name])\n}\n")
		if r.IntN(2) == 0 {
			fmt.Fprintf(&b, "\ndeny contains msg if {\n\tnot input.request.object.metadata.labels[\"app\"]\n\tmsg := \"label app is required for %s\"\n}\n", app)
		}
	case "wit":
		fmt.Fprintf(&b, "package example:%s@0.%d.0;\n\ninterface handler {\n  record request { path: string, body: list<u8> }\n  handle: func(req: request) -> result<list<u8>, string>;\n}\n\nworld %s {\n  export handler;\n}\n", app, r.IntN(5), app)
	case "promql":
		m := pick(r, metrics)
		if strings.HasSuffix(m, "_bucket") {
			fmt.Fprintf(&b, "histogram_quantile(0.99, sum by (le) (rate(%s{namespace=%q}[5m])))\n", m, ns)
		} else {
			fmt.Fprintf(&b, "sum by (pod) (rate(%s{namespace=%q, pod=~\"%s-.*\"}[%dm]))\n", m, ns, app, 1+r.IntN(10))
		}
	case "dockerfile":
		fmt.Fprintf(&b, "# 多阶段构建：编译到 wasm32-wasip1，运行时镜像只含字节码\nFROM rust:1.79 AS build\nWORKDIR /src\nCOPY . .\nRUN rustup target add wasm32-wasip1 && cargo build --release --target wasm32-wasip1\n\nFROM scratch\nCOPY --from=build /src/target/wasm32-wasip1/release/%s.wasm /%s.wasm\nENTRYPOINT [\"/%s.wasm\"]\n", app, app, app)
	case "protobuf":
		b.WriteString("syntax = \"proto3\";\n\npackage runtime.v1;\n\n// CRI 的一小部分：创建 Pod 沙箱\nservice RuntimeService {\n  rpc RunPodSandbox(RunPodSandboxRequest) returns (RunPodSandboxResponse) {}\n}\n\n")
		fmt.Fprintf(&b, "message RunPodSandboxRequest {\n  PodSandboxConfig config = 1;\n  string runtime_handler = %d;\n}\n", 2+r.IntN(3))
	case "toml":
		rt := pick(r, runtimes)
		fmt.Fprintf(&b, "version = 2\n\n[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.%s]\n  runtime_type = \"io.containerd.%s.v1\"\n\n[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.%s.options]\n  SystemdCgroup = %v\n", rt, rt, rt, r.IntN(2) == 0)
	case "rust":
		fmt.Fprintf(&b, "use std::time::Instant;\n\nfn main() {\n    let start = Instant::now();\n    println!(\"hello from %s\");\n    println!(\"elapsed: {:?}\", start.elapsed());\n}\n", app)
	case "wat":
		fmt.Fprintf(&b, "(module\n  (func $add (param $a i32) (param $b i32) (result i32)\n    local.get $a\n    local.get $b\n    i32.add)\n  (export \"add\" (func $add))\n  (memory %d))\n", 1+r.IntN(4))
	case "cue":
		fmt.Fprintf(&b, "deployment: %q: {\n\treplicas: >=1 & <=%d\n\timage:    string\n}\n", app, 3+r.IntN(20))
	default: // text, or no language
		codeText(&b, r, app)
	}
	return b.String()
}

func codeYAML(b *strings.Builder, r *rand.Rand, app, ns string) {
	switch r.IntN(5) {
	case 0:
		fmt.Fprintf(b, "apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata:\n  name: %s\nhandler: %s\n", pick(r, runtimes), pick(r, runtimes))
		fmt.Fprintf(b, "scheduling:\n  nodeSelector:\n    kubernetes.io/arch: %s\n", pick(r, []string{"amd64", "arm64"}))
	case 1:
		// Flow sequences with bracketed words look like citations to a
		// naive checker; the real corpus has them.
		fmt.Fprintf(b, "scrape_configs:\n  - job_name: %s\n    scrape_interval: %ds\n    static_configs:\n      - targets: [%s]\n        labels:\n          tenant: [tenant-a-exporter]\n", app, 5*(1+r.IntN(6)), app+":9100")
	case 2:
		fmt.Fprintf(b, "# K3s 配置：/etc/rancher/k3s/config.yaml\nwrite-kubeconfig-mode: \"0644\"\ndisable:\n  - traefik\n  - servicelb\nkubelet-arg:\n  - \"max-pods=%d\"\nnode-label:\n  - \"zone=%s\"\n", 110+10*r.IntN(20), ns)
	default:
		fmt.Fprintf(b, "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: %s\n  namespace: %s\n  labels:\n    app: %s\nspec:\n  replicas: %d\n  selector:\n    matchLabels:\n      app: %s\n  template:\n    metadata:\n      labels:\n        app: %s\n    spec:\n", app, ns, app, 1+r.IntN(5), app, app)
		if r.IntN(2) == 0 {
			fmt.Fprintf(b, "      runtimeClassName: %s\n", pick(r, runtimes))
		}
		fmt.Fprintf(b, "      containers:\n        - name: %s\n          image: %s\n          args: [--port, \"%d\"]\n          resources:\n            limits:\n              memory: %dMi\n              cpu: %dm\n", app, pick(r, images), 8000+r.IntN(100), 32<<r.IntN(5), 50*(1+r.IntN(10)))
		if n := r.IntN(4); n > 0 {
			b.WriteString("          env:\n")
			for i := range n {
				fmt.Fprintf(b, "            - name: FEATURE_%d\n              value: \"%v\"\n", i, r.IntN(2) == 0)
			}
		}
	}
}

func codeShell(b *strings.Builder, r *rand.Rand, app, ns string, prompt bool) {
	p := ""
	if prompt {
		p = "$ "
	}
	lines := [][]string{
		{"curl -sfL https://get.k3s.io | INSTALL_K3S_EXEC=\"--disable traefik\" sh -", "sudo k3s kubectl get nodes -o wide"},
		{fmt.Sprintf("kubectl create namespace %s", ns), fmt.Sprintf("kubectl -n %s apply -f %s.yaml", ns, app), fmt.Sprintf("kubectl -n %s rollout status deploy/%s", ns, app)},
		{fmt.Sprintf("docker build -t %s:latest .", app), fmt.Sprintf("docker run --rm -p 8080:8080 %s:latest", app)},
		{fmt.Sprintf("wasmedge --dir .:. %s.wasm", app), "wasmedgec --optimize 3 app.wasm app_aot.wasm"},
		{"opa build -t wasm -e kubernetes/admission/deny policy.rego", "tar -xzf bundle.tar.gz /policy.wasm", "opa eval -d policy.rego -i input.json \"data.kubernetes.admission.deny\""},
		{"crictl ps -a", fmt.Sprintf("crictl logs $(crictl ps -q --name %s)", app), "journalctl -u k3s --since \"10 min ago\" | tail -n 50"},
		{"export KUBECONFIG=$HOME/.kube/config", fmt.Sprintf("helm upgrade --install %s ./chart -n %s --set replicas=%d", app, ns, 1+r.IntN(5))},
	}
	b.WriteString("# " + pick(r, []string{"安装与验证", "部署示例", "排查步骤", "构建与运行", "策略编译"}) + "\n")
	for _, i := range r.Perm(len(lines))[:1+r.IntN(3)] {
		for _, l := range lines[i] {
			b.WriteString(p + l + "\n")
		}
	}
}

func codeText(b *strings.Builder, r *rand.Rand, app string) {
	if r.IntN(2) == 0 {
		fmt.Fprintf(b, "NAME%sREADY   STATUS    RESTARTS   AGE\n", strings.Repeat(" ", 24))
		for i := range 2 + r.IntN(5) {
			fmt.Fprintf(b, "%-28sREADY   Running   %-10d %dm\n", fmt.Sprintf("%s-%x", app, 0x5f3a1+i*977), r.IntN(3), 1+r.IntN(59))
		}
		return
	}
	b.WriteString("┌──────────┐    ┌──────────────┐    ┌──────────┐\n│  Docker  │ →  │  Kubernetes  │ →  │   K3s    │\n└──────────┘    └──────────────┘    └──────────┘\n")
	fmt.Fprintf(b, "      ↓ 镜像           ↓ 编排                ↓ 边缘\n   %s（字节码）→ OPA-Wasm（策略）\n", app)
}

func camel(s string) string {
	var b strings.Builder
	for _, part := range strings.Split(s, "-") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

func floats(r *rand.Rand, n int) string {
	xs := make([]string, n)
	for i := range xs {
		xs[i] = fmt.Sprintf("%.1f", 0.5+r.Float64()*20)
	}
	return strings.Join(xs, ", ")
}

// lineComment is how each language starts a comment. Most real blocks open
// with a line saying what they are for; it also makes blocks as distinct
// as the real corpus's (10,628 of 13,239), which a highlighter's cache must
// not be flattered by.
var lineComment = map[string]string{
	"yaml": "#", "bash": "#", "sh": "#", "text": "", "": "", "go": "//", "python": "#",
	"dockerfile": "#", "rego": "#", "toml": "#", "promql": "#", "protobuf": "//", "c": "//",
	"haskell": "--", "wit": "//", "rust": "//", "wat": ";;", "cue": "//",
}

func header(b *strings.Builder, r *rand.Rand, comment string) {
	if comment != "" {
		b.WriteString(comment + " ")
	}
	fmt.Fprintf(b, "%s：%s ≤ %d%s（v%d.%d）\n", pick(r, goals), pick(r, props), 1+r.IntN(500), pick(r, []string{"ms", "MB", "s", "%"}), r.IntN(3), r.IntN(40))
}
