# 拒绝缺少 owner 标签的 Deployment。
# 本地测试：opa eval -d require-labels.rego -i deployment.json "data.k8s.labels.deny"
package k8s.labels

import rego.v1

required := {"owner"}

# 收集对象上已有的标签键。
present contains key if {
	some key, _ in input.request.object.metadata.labels
}

deny contains msg if {
	input.request.kind.kind == "Deployment"
	missing := required - present
	count(missing) > 0
	msg := sprintf("Deployment %s 缺少标签：%v", [input.request.object.metadata.name, missing])
}
