// The story's SMS as an Android "SMS Backup & Restore" XML file (domain.md §8).
import { smsMessages } from './story';
import { parseTime } from '../../shared/time/beijing';

function attr(s: string): string {
  return s.replace(/[<>&"\n]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', '\n': '&#10;' })[c]!);
}

export function smsBackupXml(messages = smsMessages): string {
  const rows = messages.map((m) => {
    const epoch = parseTime(m.at).ms; // the story's times are Beijing wall clock
    const readable = m.at.replace('T', ' ');
    return `  <sms protocol="0" address="${attr(m.address)}" date="${epoch}" type="${m.type}" subject="null" body="${attr(m.body)}" toa="null" sc_toa="null" service_center="null" read="1" status="-1" locked="0" date_sent="${epoch}" readable_date="${attr(readable)}" contact_name="${attr(m.contactName ?? '(Unknown)')}" />`;
  });
  return `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<!--File Created By SMS Backup & Restore-->\n<smses count="${messages.length}">\n${rows.join('\n')}\n</smses>\n`;
}
