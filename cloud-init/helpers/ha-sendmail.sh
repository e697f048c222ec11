#!/bin/sh
# The sendmail of Heartbeat's MailTo (bsd-mailx's, set in /etc/mail.rc): hands the mail to msmtp-mta's
# sendmail, which relays it (/etc/msmtprc). A notification that cannot be sent is logged and given
# up: MailTo's exit status is the group's, and a relay that is down must not cost the service.
/usr/sbin/sendmail "$@"
rc=$?
if [ "$rc" -ne 0 ]; then
	logger -t ha-sendmail -p mail.warning "the relay did not take a MailTo notification (sendmail exit $rc); it is lost"
fi
exit 0
