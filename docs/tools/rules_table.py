import re, subprocess, os, sys
root = sys.argv[1]
src = open(os.path.join(root, 'shared-kernel/messages/src/main/java/ledger/kernel/shared/ErrorCode.java')).read()
codes = re.findall(r'^\s+([A-Z_]+)\(Kind\.([A-Z_]+),\s*"((?:[^"\\]|\\.)*)"\)', src, re.M)
status = {'INVALID_INPUT':400,'UNAUTHENTICATED':401,'FORBIDDEN':403,'NOT_FOUND':404,'RULE_VIOLATION':409,'CONFLICT':409,
          'STALE':412,'UNPROCESSABLE':422,'UNAVAILABLE':503,'UNSUPPORTED_MEDIA_TYPE':415,'PAYLOAD_TOO_LARGE':413}
files = subprocess.run(['git','-C',root,'ls-files','*.java'],capture_output=True,text=True).stdout.split()
mains = [f for f in files if '/src/main/' in f and not f.endswith('ErrorCode.java')]
texts = {f: open(os.path.join(root,f)).read() for f in mains}
out = ['| code | status | rule | where it is decided |','|---|---|---|---|']
for name, kind, title in codes:
    pat = re.compile(r'\b(?:ErrorCode\.)?' + name + r'\b')
    where = sorted({os.path.basename(f)[:-5] for f, t in texts.items() if re.search(r'ErrorCode\.' + name + r'\b', t)
                    or (re.search(r'import static ledger\.kernel\.shared\.ErrorCode\.', t) and re.search(r'\b' + name + r'\b', t))})
    out.append(f'| `{name}` | {status[kind]} | {title} | {", ".join("`"+w+"`" for w in where) or "—"} |')
print('\n'.join(out))
