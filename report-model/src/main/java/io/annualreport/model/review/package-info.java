/** The reviewer's vocabulary: review states, decisions on findings, rectification between versions, with Chinese labels. */
package io.annualreport.model.review;
