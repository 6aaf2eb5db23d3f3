package corpus

// The word lists below are the raw material of every page. They are written
// in the voice of the seed page: Chinese prose about the container stack with
// English product names and abbreviations mixed in.

// A topic names a folder or page: the English slug used in paths, the
// Chinese title used in headings, and the terms its prose leans on.
type topic struct {
	en, zh string
	terms  []string
}

var topics = []topic{
	{"core-foundations", "核心基础", []string{"Docker", "Kubernetes", "K3s"}},
	{"principles", "理念层", []string{"GitOps", "Kubernetes", "OCI"}},
	{"architecture", "架构与对象模型", []string{"Kubernetes", "etcd", "API Server"}},
	{"containers", "容器基础", []string{"Docker", "runc", "OCI"}},
	{"container-runtime", "容器运行时", []string{"containerd", "CRI", "runc"}},
	{"images", "镜像与分层", []string{"Docker", "OCI", "Harbor"}},
	{"docker", "Docker 深度解析", []string{"Docker", "containerd", "BuildKit"}},
	{"kubernetes", "Kubernetes 编排", []string{"Kubernetes", "K8s", "kubelet"}},
	{"k3s", "K3s 轻量编排", []string{"K3s", "Kine", "SQLite"}},
	{"wasmedge", "WasmEdge 运行时", []string{"WasmEdge", "WASI", "Wasm"}},
	{"webassembly", "WebAssembly 基础", []string{"Wasm", "WASI", "WIT"}},
	{"opa-policy", "OPA 策略即代码", []string{"OPA", "Rego", "Gatekeeper"}},
	{"networking", "网络模型", []string{"CNI", "Cilium", "CoreDNS"}},
	{"storage", "存储与卷", []string{"CSI", "Longhorn", "PVC"}},
	{"storage-stack", "存储技术规格堆栈", []string{"CSI", "etcd", "NFS"}},
	{"security", "安全与隔离", []string{"seccomp", "SELinux", "RBAC"}},
	{"supply-chain", "供应链安全", []string{"SBOM", "cosign", "Trivy"}},
	{"observability", "监控与可观测性", []string{"Prometheus", "Grafana", "OTel"}},
	{"logging", "日志体系", []string{"Fluent Bit", "Loki", "OTel"}},
	{"tracing", "分布式追踪", []string{"Jaeger", "OTel", "Envoy"}},
	{"gitops-cicd", "GitOps 和持续交付", []string{"Argo CD", "Flux", "Helm"}},
	{"operator-crd", "Operator 和 CRD", []string{"Operator", "CRD", "controller-runtime"}},
	{"service-mesh", "服务网格", []string{"Istio", "Envoy", "Linkerd"}},
	{"multi-cluster", "多集群管理", []string{"Karmada", "KubeFed", "Cluster API"}},
	{"image-registry", "镜像仓库和镜像管理", []string{"Harbor", "OCI", "Dragonfly"}},
	{"upgrade-migration", "升级和迁移", []string{"kubeadm", "K3s", "etcd"}},
	{"dev-tools", "开发和调试工具", []string{"Kind", "K3d", "kubectl"}},
	{"cost-optimization", "成本优化", []string{"KEDA", "HPA", "VPA"}},
	{"community-best-practices", "社区生态和最佳实践", []string{"CNCF", "Helm", "Kubernetes"}},
	{"analysis-improvement", "文档体系分析与改进", []string{"Kubernetes", "K3s", "OPA"}},
	{"2025-trends", "2025 年技术趋势汇总", []string{"WasmEdge", "K8s", "OPA-Wasm"}},
	{"knowledge-map", "认知图谱", []string{"Docker", "K8s", "WasmEdge"}},
	{"installation", "安装与最小示例", []string{"K3s", "Docker", "Helm"}},
	{"troubleshooting", "常见问题", []string{"kubectl", "crictl", "journalctl"}},
	{"acronyms-glossary", "缩写词汇表", []string{"CRI", "CNI", "CSI"}},
	{"theme-inventory", "主题清单", []string{"Kubernetes", "OPA", "WasmEdge"}},
	{"formal-theory", "形式化理论", []string{"TLA+", "Kubernetes", "etcd"}},
	{"category-theory", "范畴论视角", []string{"Kubernetes", "OCI", "Wasm"}},
	{"matrix-perspective", "矩阵视角", []string{"Kubernetes", "K3s", "WasmEdge"}},
	{"architecture-design", "全局架构设计", []string{"Kubernetes", "K3s", "OPA"}},
	{"edge-computing", "边缘计算", []string{"K3s", "KubeEdge", "ARM"}},
	{"iot-gateway", "IoT 网关实践", []string{"K3s", "MQTT", "WasmEdge"}},
	{"serverless", "Serverless 与函数计算", []string{"Knative", "KEDA", "WasmEdge"}},
	{"ai-inference", "AI 推理与 Wasm", []string{"WasmEdge", "WASI-NN", "GPU"}},
	{"scheduling", "调度与资源管理", []string{"kube-scheduler", "cgroups", "QoS"}},
	{"autoscaling", "弹性伸缩", []string{"HPA", "VPA", "KEDA"}},
	{"admission-control", "准入控制", []string{"Gatekeeper", "OPA", "Kyverno"}},
	{"runtime-class", "RuntimeClass 与多运行时", []string{"RuntimeClass", "crun", "WasmEdge"}},
	{"ebpf", "eBPF 与内核观测", []string{"eBPF", "Cilium", "Falco"}},
	{"control-plane", "控制平面", []string{"API Server", "etcd", "kube-controller-manager"}},
	{"data-plane", "数据平面", []string{"kubelet", "kube-proxy", "containerd"}},
	{"high-availability", "高可用设计", []string{"etcd", "K3s", "keepalived"}},
	{"backup-restore", "备份与恢复", []string{"Velero", "etcd", "restic"}},
	{"performance", "性能基线", []string{"WasmEdge", "K3s", "Docker"}},
	{"benchmarks", "基准测试", []string{"kube-burner", "k6", "WasmEdge"}},
	{"case-studies", "成熟技术栈案例", []string{"K3s", "Argo CD", "OPA"}},
	{"decision-framework", "技术决策框架", []string{"Kubernetes", "K3s", "Docker"}},
	{"cognitive", "认知视角", []string{"Docker", "Kubernetes", "OPA"}},
	{"technical", "技术规范", []string{"OCI", "CRI", "WASI"}},
	{"policy-testing", "策略测试", []string{"OPA", "Rego", "conftest"}},
	{"secrets", "密钥管理", []string{"Vault", "Sealed Secrets", "KMS"}},
	{"ingress", "入口流量", []string{"Traefik", "Ingress", "Gateway API"}},
}

// terms are the English words sprinkled through prose.
var terms = []string{
	"Docker", "Kubernetes", "K8s", "K3s", "WasmEdge", "OPA", "OPA-Wasm", "CRI", "CNI", "CSI",
	"OCI", "WASI", "containerd", "runc", "crun", "Pod", "Deployment", "Service", "RuntimeClass",
	"Gatekeeper", "Rego", "etcd", "kubelet", "kube-proxy", "Helm", "Kustomize", "GitOps",
	"Argo CD", "Flux", "Prometheus", "Grafana", "eBPF", "Cilium", "Istio", "Envoy", "sidecar",
	"Wasm", "WebAssembly", "cgroups", "namespace", "seccomp", "Falco", "Trivy", "SBOM", "Harbor",
	"Traefik", "CoreDNS", "Operator", "CRD", "API Server", "Serverless", "Knative", "KEDA",
	"HPA", "Kind", "K3d", "ARM", "IoT", "SQLite", "Kine", "Flannel", "Calico", "Longhorn",
}

var mechanisms = []string{
	"声明式 API", "控制循环", "分层镜像", "命名空间隔离", "字节码沙箱", "策略编译", "写时复制",
	"期望状态驱动", "单二进制打包", "内置电池", "准入 Webhook", "标签选择器", "滚动更新",
	"健康探针", "资源配额", "服务发现", "事件驱动伸缩", "能力裁剪", "多阶段构建", "镜像签名",
	"内存快照", "AOT 编译", "插件化接口", "调和循环", "乐观并发控制", "租约选主",
}

var goals = []string{
	"环境一致性", "高可用", "弹性伸缩", "快速冷启动", "细粒度权限控制", "可重复构建",
	"跨平台分发", "资源隔离", "故障自愈", "多租户隔离", "最小化攻击面", "离线部署",
	"低延迟决策", "高密度部署", "统一可观测性", "平滑升级", "成本可控", "合规审计",
}

var results = []string{
	"显著降低了运维复杂度", "让集群在节点故障后自动恢复", "把冷启动时间压缩到毫秒级",
	"避免了\"在我机器能跑\"的问题", "使策略决策延迟降到微秒级", "减少了镜像体积和拉取时间",
	"让边缘节点在 512MB 内存下也能运行", "为多运行时混部提供了基础", "降低了学习曲线",
	"提升了调度吞吐", "使配置漂移可以被及时发现", "让发布过程可审计、可回滚",
	"减少了 sidecar 带来的额外开销", "统一了开发与生产环境",
}

var scenes = []string{
	"边缘计算", "多租户集群", "CI/CD 流水线", "IoT 网关", "生产环境", "本地开发",
	"大规模集群", "Serverless 平台", "AI 推理服务", "离线机房", "ARM 设备", "金融合规场景",
	"混合云", "小型数据中心",
}

var props = []string{
	"内存占用", "启动延迟", "调度吞吐", "镜像体积", "P99 延迟", "部署密度", "控制平面开销",
	"故障恢复时间", "网络吞吐", "二进制体积", "策略评估耗时", "升级窗口",
}

var metaphors = []string{
	"集装箱", "机器人管家", "瑞士军刀", "口袋版 OS", "微秒级决策", "乐高积木", "交通警察",
	"物流中心", "万能插座", "保险箱", "指挥中心", "安检门",
}

var connectives = []string{"因此", "同时", "此外", "换言之", "需要注意的是", "实践中", "总体来看", "相比之下"}

var units = []string{"ms", "s", "MB", "GB", "µs", "%", " Pod/节点", " 节点", " QPS"}

// h2Titles and h3Titles are section headings; {T} and {U} are replaced by
// terms of the page's topic. Some carry emoji or trailing punctuation on
// purpose, since slugs of such headings are where hand-written TOCs go wrong.
var h2Titles = []string{
	"文档定位", "技术栈定位", "知识结构全景", "技术决策树", "核心概念对照表", "性能基线对比",
	"形式化总结", "快速导航", "架构设计", "部署实践", "故障排查", "{T} 核心原理", "{T} 与 {U} 对比",
	"{T} 部署实践", "最佳实践 ✅", "🎯 核心目标", "常见问题（FAQ）", "演进路线（2013→2025）",
	"安全模型", "可观测性设计", "性能调优", "版本兼容矩阵", "迁移方案", "成本分析", "总结与展望",
	"设计权衡", "{T} 配置详解", "运行时对比", "策略示例", "适用场景", "限制与风险 ⚠️",
	"{T} 生态", "术语与约定", "实验数据", "容量规划", "典型架构",
}

var h3Titles = []string{
	"核心理念演进", "技术层次划分", "三维知识框架", "技术演进时间轴（1999→2025）", "性能指标矩阵",
	"性能对比分析", "技术栈关系式", "性能优化目标函数", "技术决策定理", "{T} 安装步骤",
	"{T} 配置示例", "{T} 工作原理", "控制循环", "对象模型", "镜像构建", "网络插件", "存储卷",
	"策略编写", "策略测试", "监控指标", "日志采集", "链路追踪", "资源限制", "调度策略",
	"准入控制", "多运行时混部", "冷启动优化", "内存优化", "高可用部署", "备份策略",
	"升级路径", "回滚流程", "常见错误？", "排查步骤", "{T} 与 {U} 的关系", "{T} 的局限",
	"实测结果", "基准方法", "小结", "📌 要点", "边缘场景", "多租户场景", "🔥 当前趋势",
	"版本说明（v1.30+）", "接口定义", "数据模型", "状态机", "时序分析",
}

var subtitles = []string{
	"云原生容器技术栈知识图谱", "原理与实践", "从入门到生产", "设计与权衡", "概念、架构与案例",
	"问题 → 解法 → 副作用 → 再演化", "规范与实现", "边缘到云的统一视图",
}

var listLabels = []string{"问题", "解法", "副作用", "再演化", "适用场景", "关键指标", "风险", "建议", "前提", "结论"}

var boldHeads = []string{
	"演进论证（问题 → 解法 → 副作用 → 再演化）", "层次分析", "决策分析", "概念分析",
	"资源占用分析", "启动时间分析", "规模上限分析", "文档结构", "关系定义", "优化目标",
	"知识结构分析", "演进分析", "实践要点", "注意事项",
}

// glossary rows: abbreviation, expansion, Chinese explanation.
var glossary = [][3]string{
	{"ABI", "Application Binary Interface", "应用二进制接口"},
	{"ACL", "Access Control List", "访问控制列表"},
	{"AI", "Artificial Intelligence", "人工智能"},
	{"AOT", "Ahead-Of-Time Compilation", "预先编译"},
	{"API", "Application Programming Interface", "应用程序编程接口"},
	{"ARM", "Advanced RISC Machines", "精简指令集处理器架构"},
	{"CDN", "Content Delivery Network", "内容分发网络"},
	{"CI/CD", "Continuous Integration / Continuous Delivery", "持续集成与持续交付"},
	{"CNCF", "Cloud Native Computing Foundation", "云原生计算基金会"},
	{"CNI", "Container Network Interface", "容器网络接口"},
	{"CPU", "Central Processing Unit", "中央处理器"},
	{"CRD", "Custom Resource Definition", "自定义资源定义"},
	{"CRI", "Container Runtime Interface", "容器运行时接口"},
	{"CSI", "Container Storage Interface", "容器存储接口"},
	{"CVE", "Common Vulnerabilities and Exposures", "通用漏洞披露"},
	{"DAG", "Directed Acyclic Graph", "有向无环图"},
	{"DNS", "Domain Name System", "域名系统"},
	{"DSL", "Domain-Specific Language", "领域特定语言"},
	{"E2E", "End-to-End", "端到端"},
	{"eBPF", "extended Berkeley Packet Filter", "扩展伯克利包过滤器"},
	{"FaaS", "Function as a Service", "函数即服务"},
	{"GA", "General Availability", "正式发布"},
	{"GC", "Garbage Collection", "垃圾回收"},
	{"GPU", "Graphics Processing Unit", "图形处理器"},
	{"gRPC", "gRPC Remote Procedure Calls", "高性能远程过程调用框架"},
	{"HA", "High Availability", "高可用"},
	{"HPA", "Horizontal Pod Autoscaler", "水平 Pod 自动伸缩"},
	{"HTTP", "Hypertext Transfer Protocol", "超文本传输协议"},
	{"IaC", "Infrastructure as Code", "基础设施即代码"},
	{"IAM", "Identity and Access Management", "身份与访问管理"},
	{"IoT", "Internet of Things", "物联网"},
	{"IPC", "Inter-Process Communication", "进程间通信"},
	{"JIT", "Just-In-Time Compilation", "即时编译"},
	{"JSON", "JavaScript Object Notation", "轻量数据交换格式"},
	{"K3s", "Lightweight Kubernetes", "轻量级 Kubernetes 发行版"},
	{"K8s", "Kubernetes", "容器编排系统"},
	{"KEDA", "Kubernetes Event-driven Autoscaling", "事件驱动自动伸缩"},
	{"LB", "Load Balancer", "负载均衡器"},
	{"LLM", "Large Language Model", "大语言模型"},
	{"LRU", "Least Recently Used", "最近最少使用"},
	{"LTS", "Long-Term Support", "长期支持版本"},
	{"mTLS", "Mutual TLS", "双向 TLS 认证"},
	{"MVCC", "Multi-Version Concurrency Control", "多版本并发控制"},
	{"NFS", "Network File System", "网络文件系统"},
	{"NUMA", "Non-Uniform Memory Access", "非一致性内存访问"},
	{"OCI", "Open Container Initiative", "开放容器倡议"},
	{"OOM", "Out Of Memory", "内存耗尽"},
	{"OPA", "Open Policy Agent", "开放策略代理"},
	{"OS", "Operating System", "操作系统"},
	{"OTel", "OpenTelemetry", "开放遥测标准"},
	{"P99", "99th Percentile", "第 99 百分位延迟"},
	{"PaaS", "Platform as a Service", "平台即服务"},
	{"PID", "Process Identifier", "进程标识符"},
	{"PKI", "Public Key Infrastructure", "公钥基础设施"},
	{"PV", "Persistent Volume", "持久卷"},
	{"PVC", "Persistent Volume Claim", "持久卷声明"},
	{"QoS", "Quality of Service", "服务质量等级"},
	{"RBAC", "Role-Based Access Control", "基于角色的访问控制"},
	{"REST", "Representational State Transfer", "表述性状态转移"},
	{"RPC", "Remote Procedure Call", "远程过程调用"},
	{"SaaS", "Software as a Service", "软件即服务"},
	{"SBOM", "Software Bill of Materials", "软件物料清单"},
	{"SDK", "Software Development Kit", "软件开发工具包"},
	{"SELinux", "Security-Enhanced Linux", "安全增强型 Linux"},
	{"SLA", "Service Level Agreement", "服务等级协议"},
	{"SLI", "Service Level Indicator", "服务等级指标"},
	{"SLO", "Service Level Objective", "服务等级目标"},
	{"SPIFFE", "Secure Production Identity Framework For Everyone", "通用工作负载身份框架"},
	{"SRE", "Site Reliability Engineering", "站点可靠性工程"},
	{"TCO", "Total Cost of Ownership", "总体拥有成本"},
	{"TLS", "Transport Layer Security", "传输层安全协议"},
	{"TTL", "Time To Live", "存活时间"},
	{"UID", "User Identifier", "用户标识符"},
	{"VM", "Virtual Machine", "虚拟机"},
	{"VPA", "Vertical Pod Autoscaler", "垂直 Pod 自动伸缩"},
	{"VPC", "Virtual Private Cloud", "虚拟私有云"},
	{"Wasm", "WebAssembly", "可移植字节码格式"},
	{"WASI", "WebAssembly System Interface", "WebAssembly 系统接口"},
	{"WAT", "WebAssembly Text Format", "WebAssembly 文本格式"},
	{"WIT", "Wasm Interface Type", "Wasm 接口类型描述语言"},
	{"YAML", "YAML Ain't Markup Language", "人类可读的数据序列化格式"},
}

// Citation keys are <subject>-<aspect>; each subject has a documentation
// site and each aspect a path and a Chinese title.
var citeSubjects = []struct{ key, name, site string }{
	{"docker", "Docker", "https://docs.docker.com/"},
	{"k8s", "Kubernetes", "https://kubernetes.io/docs/"},
	{"k3s", "K3s", "https://docs.k3s.io/"},
	{"wasmedge", "WasmEdge", "https://wasmedge.org/docs/"},
	{"opa", "OPA", "https://www.openpolicyagent.org/docs/latest/"},
	{"containerd", "containerd", "https://containerd.io/docs/"},
	{"cri", "CRI", "https://kubernetes.io/docs/concepts/architecture/cri/"},
	{"oci", "OCI", "https://opencontainers.org/"},
	{"wasi", "WASI", "https://wasi.dev/"},
	{"cilium", "Cilium", "https://docs.cilium.io/en/stable/"},
	{"istio", "Istio", "https://istio.io/latest/docs/"},
	{"prometheus", "Prometheus", "https://prometheus.io/docs/"},
	{"etcd", "etcd", "https://etcd.io/docs/v3.5/"},
	{"gatekeeper", "Gatekeeper", "https://open-policy-agent.github.io/gatekeeper/website/docs/"},
	{"helm", "Helm", "https://helm.sh/docs/"},
	{"argocd", "Argo CD", "https://argo-cd.readthedocs.io/en/stable/"},
	{"flux", "Flux", "https://fluxcd.io/flux/"},
	{"ebpf", "eBPF", "https://ebpf.io/what-is-ebpf/"},
	{"falco", "Falco", "https://falco.org/docs/"},
	{"trivy", "Trivy", "https://aquasecurity.github.io/trivy/"},
	{"harbor", "Harbor", "https://goharbor.io/docs/"},
	{"knative", "Knative", "https://knative.dev/docs/"},
	{"keda", "KEDA", "https://keda.sh/docs/"},
	{"runc", "runc", "https://github.com/opencontainers/runc"},
	{"crun", "crun", "https://github.com/containers/crun"},
	{"kine", "Kine", "https://github.com/k3s-io/kine"},
	{"flannel", "Flannel", "https://github.com/flannel-io/flannel"},
	{"longhorn", "Longhorn", "https://longhorn.io/docs/"},
	{"envoy", "Envoy", "https://www.envoyproxy.io/docs/"},
	{"otel", "OpenTelemetry", "https://opentelemetry.io/docs/"},
}

var citeAspects = []struct{ key, zh, path string }{
	{"memory", "资源占用", "installation/requirements"},
	{"startup", "启动时间", "reference/startup"},
	{"scale", "规模测试", "setup/best-practices/cluster-large"},
	{"density", "Pod 密度", "concepts/density"},
	{"design", "架构设计", "architecture"},
	{"principles", "官方文档", ""},
	{"performance", "性能基准", "benchmarks"},
	{"security", "安全模型", "security"},
	{"latency", "延迟数据", "reference/latency"},
	{"api", "API 参考", "reference/api"},
	{"spec", "规范说明", "spec"},
	{"release", "发布说明", "release-notes"},
	{"limits", "限制说明", "reference/limits"},
	{"install", "安装指南", "installation"},
	{"upgrade", "升级指南", "upgrades"},
	{"wasm", "Wasm 支持", "wasm"},
}

var externalLinks = []struct{ text, url string }{
	{"Kubernetes 官方文档", "https://kubernetes.io/docs/home/"},
	{"K3s 文档", "https://docs.k3s.io/"},
	{"WasmEdge 文档", "https://wasmedge.org/docs/"},
	{"OPA 文档", "https://www.openpolicyagent.org/docs/latest/"},
	{"OCI 运行时规范", "https://github.com/opencontainers/runtime-spec"},
	{"CRI API", "https://github.com/kubernetes/cri-api"},
	{"WASI 提案", "https://github.com/WebAssembly/WASI"},
	{"CNCF 全景图", "https://landscape.cncf.io/"},
	{"Gatekeeper 文档", "https://open-policy-agent.github.io/gatekeeper/website/docs/"},
	{"containerd 文档", "https://containerd.io/docs/"},
	{"Docker 多阶段构建", "https://docs.docker.com/build/building/multi-stage/"},
	{"Cilium 文档", "https://docs.cilium.io/en/stable/"},
	{"Prometheus 查询语言", "https://prometheus.io/docs/prometheus/latest/querying/basics/"},
	{"Helm 文档", "https://helm.sh/docs/"},
	{"Argo CD 文档", "https://argo-cd.readthedocs.io/en/stable/"},
	{"KEDA 伸缩器", "https://keda.sh/docs/2.14/scalers/"},
	{"eBPF 介绍", "https://ebpf.io/what-is-ebpf/"},
	{"WebAssembly 规范", "https://webassembly.github.io/spec/core/"},
	{"RuntimeClass 说明", "https://kubernetes.io/docs/concepts/containers/runtime-class/"},
	{"Kubernetes 发布周期", "https://kubernetes.io/releases/"},
}
