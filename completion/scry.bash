# bash completion for scry
_scry_trace_opts="-a -A -c -C -e -E -f -h -i -k -o -p -P -q -r -s -S -t -T -u -v -V -w -x -X -y -z -Z
--absolute-timestamps --attach --backend --columns --const-print-style --decode-fds --env
--failed-only --follow-forks --help --instruction-pointer --json --kill-on-exit --no-abbrev
--output --output-append-mode --output-separately --quiet --relative-timestamps --seccomp-bpf
--signal --stack-traces --status --strict --string-limit --strings-in-hex --successful-only --summary --summary-only
--summary-sort-by --summary-wall-clock --syscall-times --trace --trace-fds --trace-path --user
--version"

_scry_fds_opts="-a -c -d -F -h -i -K -n -p -P -r -S -t -u +d +D +E +r
--help --json --summary"
_scry_ps_opts="-h
--help --json"

_scry()
{
	local cur=${COMP_WORDS[COMP_CWORD]} cmd=${COMP_WORDS[1]}
	if [ "$COMP_CWORD" -eq 1 ]; then
		COMPREPLY=($(compgen -W "trace fds ps help version" -- "$cur"))
		return
	fi
	case $cmd in
	trace) COMPREPLY=($(compgen -W "$_scry_trace_opts" -- "$cur")) ;;
	fds) COMPREPLY=($(compgen -W "$_scry_fds_opts" -- "$cur")) ;;
	ps) COMPREPLY=($(compgen -W "$_scry_ps_opts" -- "$cur")) ;;
	help) COMPREPLY=($(compgen -W "trace fds ps" -- "$cur")) ;;
	esac
}
complete -F _scry scry
