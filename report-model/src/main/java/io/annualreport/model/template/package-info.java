/** The national report format as data: tables, rows, columns and canonical cell keys for both editions. */
package io.annualreport.model.template;
